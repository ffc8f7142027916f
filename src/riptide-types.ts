// The assembled component set that createRiptide(config) returns and every surface receives: the
// seams the run core talks to, plus the services built on them.
import type { ApiKeyService } from './auth/api-key-service.js';
import type { RunDependencies } from './core/run-dependencies.js';
import type { RunService } from './core/run-service.js';
import type { SessionService } from './core/session-service.js';
import type { McpManager } from './mcp/mcp-manager.js';
import type { BackgroundRuns } from './queue/background-runs.js';
import type { RunObserverSet } from './telemetry/run-observer-set.js';
import type { RunTelemetry } from './telemetry/run-telemetry.js';
import type { WorkflowService } from './workflows/workflow-service.js';

export interface Riptide extends RunDependencies {
  runs: RunService;
  sessions: SessionService;
  workflows: WorkflowService;
  /** API keys: created, listed, revoked and verified over the store. */
  keys: ApiKeyService;
  /** Allowlisted MCP servers and their connections. */
  mcp: McpManager;
  /** Background runs: the run queue, its workers, cancel and joinable streams (POST /api/runs). */
  background: BackgroundRuns;
  /** Who watches runs from outside; a server adds its metrics here. */
  observers: RunObserverSet;
  /** Trace export (OpenTelemetry), or null when no OTLP endpoint is configured. */
  telemetry: RunTelemetry | null;
  /** Closes what createRiptide built (database, MCP connections); components passed in stay open. */
  close(): Promise<void>;
}
