// The one table that maps stable error codes to HTTP statuses (and OpenAI error types for /v1).
import type { ErrorCode } from './riptide-error.js';

export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_error: 422,
  invalid_workflow: 422,
  budget_exceeded: 402,
  bad_tool_args: 400,
  side_effecting_tool: 400,
  resume_error: 400,
  mcp_connect_failed: 400,
  workspace_violation: 400,
  network_refused: 400,
  unknown_tool: 404,
  unknown_workflow: 404,
  unknown_mcp_server: 404,
  unknown_run: 404,
  unknown_role: 404,
  not_found: 404,
  mcp_disabled: 403,
  model_error: 502,
  model_timeout: 504,
  aborted: 499,
  shutting_down: 503,
  config_error: 500,
  internal_error: 500,
};

/** OpenAI's `error.type` for a status, so OpenAI SDKs raise the matching exception class. */
export function openAiErrorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 402) return 'insufficient_quota';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 400 && status < 500) return 'invalid_request_error';
  return 'server_error';
}
