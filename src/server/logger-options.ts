// Pino options for the server's logger: the configured level, secrets redacted (authorization
// headers, any api_key field), and request serializers that drop the query string, because run
// routes carry the task (a full prompt) there.
import type { DestinationStream, LoggerOptions } from 'pino';

/** Paths pino censors wherever they appear in a log object. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["api-key"]',
  'headers.authorization',
  'api_key',
  'apiKey',
  '*.api_key',
  '*.apiKey',
  '*.*.api_key',
  '*.*.apiKey',
];

interface SerializableRequest {
  method?: string;
  url?: string;
  routeOptions?: { url?: string };
  id?: string;
}

interface SerializableError {
  name?: string;
  message?: string;
  code?: unknown;
  stack?: string;
}

export interface ServerLoggerOptions {
  level: string;
  /** Where log lines go (tests pass a stream to scan them); stdout by default. */
  stream?: DestinationStream;
}

export function createLoggerOptions(options: ServerLoggerOptions): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req(request: SerializableRequest) {
        return {
          method: request.method,
          // Path only: query strings of the SSE run routes hold the task text.
          path: request.url?.split('?')[0],
          route: request.routeOptions?.url,
        };
      },
      res(reply: { statusCode?: number }) {
        return { status: reply.statusCode };
      },
      // Errors from provider SDKs carry request bodies (prompts) as properties: log only these fields.
      err(error: SerializableError) {
        return { type: error?.name, message: error?.message, code: error?.code, stack: error?.stack };
      },
    },
    ...(options.stream ? { stream: options.stream } : {}),
  };
}
