// Maps failures of a model call to RiptideError codes: 'model_timeout' when our per-call timeout
// fired, 'aborted' when the caller cancelled, 'model_error' otherwise. Messages are readable and
// never carry the API key (provider messages are scrubbed of it as a last line of defence).
import { APICallError, RetryError } from 'ai';
import { RiptideError } from '../errors/riptide-error.js';

export interface ModelErrorContext {
  provider: string;
  model: string;
  timeoutMs: number;
  timedOut: boolean;
  callerAborted: boolean;
  apiKey: string | null;
}

export function toModelError(error: unknown, context: ModelErrorContext): RiptideError {
  if (RiptideError.is(error)) return error;
  const where = `${context.provider} model '${context.model}'`;
  if (context.callerAborted) return new RiptideError('aborted', `the call to ${where} was aborted`, { cause: error });
  if (context.timedOut) {
    return new RiptideError('model_timeout', `the call to ${where} timed out after ${context.timeoutMs} ms`, {
      cause: error,
      isRetryable: true,
    });
  }
  const last = RetryError.isInstance(error) ? error.lastError : error;
  const attempts = RetryError.isInstance(error) ? ` after ${error.errors.length} attempts` : '';
  let detail = last instanceof Error ? last.message : String(last);
  let isRetryable = false;
  if (APICallError.isInstance(last)) {
    isRetryable = last.isRetryable;
    detail = `${last.statusCode ? `HTTP ${last.statusCode}: ` : ''}${last.message}`;
  }
  return new RiptideError('model_error', `the call to ${where} failed${attempts}: ${scrub(detail, context.apiKey)}`, {
    isRetryable,
  });
}

function scrub(message: string, apiKey: string | null): string {
  const short = message.length > 500 ? `${message.slice(0, 500)}…` : message;
  return apiKey ? short.split(apiKey).join('[redacted]') : short;
}
