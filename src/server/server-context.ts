// What every route plugin receives as its options: the riptide components and the server's SSE
// machinery (heartbeat interval, open-stream tracking for graceful shutdown).
import type { Riptide } from '../riptide-types.js';
import type { AuthMode } from './security/authentication.js';
import type { ServerMetrics } from './server-metrics.js';
import type { SseStreams } from './sse-stream.js';

export interface ServerContext {
  riptide: Riptide;
  /** Opens SSE responses; one instance per server so shutdown can end every open stream. */
  sse: SseStreams;
  /** The package version (for /api/meta and the OpenAPI info). */
  version: string;
  /** Whether requests need API keys (see security/auth-mode.ts). */
  authMode: AuthMode;
  /** The Prometheus registry /metrics serves. */
  metrics: ServerMetrics;
}
