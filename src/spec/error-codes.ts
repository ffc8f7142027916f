// The stable error codes, each with its HTTP status and what it means: the one table routes, the
// OpenAPI document, the OpenAI-compatible error shape and the README's error table are derived from.
import { z } from 'zod';

interface ErrorCodeEntry {
  status: number;
  meaning: string;
}

export const ERROR_CODES = {
  validation_error: { status: 422, meaning: 'invalid request body, query or path parameter (each field path named)' },
  invalid_workflow: { status: 422, meaning: 'a workflow spec with problems (every problem listed)' },
  budget_exceeded: { status: 402, meaning: "the tenant's budget is exhausted" },
  bad_tool_args: { status: 400, meaning: 'tool arguments that do not match the tool’s JSON Schema' },
  side_effecting_tool: { status: 400, meaning: 'a side-effecting tool on the read-only invoke path' },
  resume_error: {
    status: 400,
    meaning: 'a resume of an unknown run, a run with nothing pending, or one already resumed',
  },
  run_finished: { status: 400, meaning: 'a cancel of a background run that has already ended' },
  mcp_connect_failed: { status: 400, meaning: 'connecting to an allowlisted MCP server failed' },
  workspace_violation: { status: 400, meaning: 'a file path outside the workspace' },
  network_refused: { status: 400, meaning: 'a network address the SSRF guard refuses' },
  unknown_tool: { status: 404, meaning: 'no tool with that name' },
  unknown_workflow: { status: 404, meaning: 'no saved workflow with that name' },
  unknown_mcp_server: { status: 404, meaning: 'no MCP server with that name in the allowlist' },
  unknown_run: { status: 404, meaning: 'no run with that thread id' },
  unknown_key: { status: 404, meaning: 'no API key with that id' },
  not_found: { status: 404, meaning: 'no such route or resource' },
  mcp_disabled: { status: 403, meaning: 'the MCP connect gate is off' },
  unauthorized: { status: 401, meaning: 'no API key, or one that is unknown or revoked' },
  forbidden: { status: 403, meaning: "an admin-only route, or another tenant's data, with a tenant key" },
  bad_origin: {
    status: 403,
    meaning: "a request from a web page of a foreign origin (not the server's own or RIPTIDE_CORS_ORIGINS)",
  },
  bad_host: {
    status: 421,
    meaning: 'a Host header that is not loopback or in RIPTIDE_ALLOWED_HOSTS (DNS-rebinding guard)',
  },
  rate_limited: {
    status: 429,
    meaning: 'too many requests per minute or concurrent runs for this key or tenant; see Retry-After',
  },
  model_error: { status: 502, meaning: 'the model provider failed' },
  tool_failed: {
    status: 502,
    meaning: "the run's answer rests only on tool calls that failed (OpenAI surface: never sent as an answer)",
  },
  model_timeout: { status: 504, meaning: 'the model provider did not answer in time' },
  aborted: { status: 499, meaning: 'the client went away or the run was cancelled' },
  interrupted: {
    status: 503,
    meaning: "the run's process stopped before the run finished, and it could not be continued",
  },
  shutting_down: { status: 503, meaning: 'the server is shutting down' },
  config_error: { status: 500, meaning: 'the server is misconfigured' },
  internal_error: { status: 500, meaning: 'a bug: the detail is generic and the error is logged' },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as ErrorCode[];

/** Code → HTTP status. */
export const ERROR_STATUS = Object.fromEntries(
  ERROR_CODE_NAMES.map((code) => [code, ERROR_CODES[code].status]),
) as Record<ErrorCode, number>;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** What a status means on this API: its codes' meanings, for the OpenAPI response descriptions. */
export function statusMeaning(status: number): string {
  const meanings = ERROR_CODE_NAMES.filter((code) => ERROR_CODES[code].status === status).map(
    (code) => `\`${code}\`: ${ERROR_CODES[code].meaning}`,
  );
  return meanings.length > 0 ? meanings.join('; ') : 'Error';
}

/** OpenAI's `error.type` for a status, so OpenAI SDKs raise the matching exception class. */
export function openAiErrorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 402) return 'insufficient_quota';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 400 && status < 500) return 'invalid_request_error';
  return 'server_error';
}

export const errorBodySchema = z
  .object({
    detail: z
      .union([z.string(), z.array(z.string())])
      .describe('What was wrong, for a person; validation errors list one entry per field path.'),
    code: z.string().describe('A stable machine code, e.g. validation_error, budget_exceeded, unknown_tool.'),
  })
  .describe('An error: never a stack trace, never a secret.');
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const openAiErrorBodySchema = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.string(),
      param: z.string().nullable(),
      code: z.string().nullable(),
    }),
  })
  .describe("OpenAI's error shape, so OpenAI SDKs raise their usual exception classes.");
export type OpenAiErrorBody = z.infer<typeof openAiErrorBodySchema>;
