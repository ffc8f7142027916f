// Whether a chat reply's run failed, and how to say so: a failed run's error, a blocked input, or an
// answer that rests on a tool error ("ERROR (<kind>): …" is how the model was told a call failed).
import type { RunResult } from '../api/types.js';

export interface ReplyFailure {
  code: string;
  detail: string;
}

const TOOL_ERROR = /^ERROR \(([a-z_]+)\):\s*([\s\S]*)$/;

export function replyFailure(result: RunResult): ReplyFailure | null {
  if (result.error) return { code: result.error.code, detail: result.error.detail };
  if (result.blocked)
    return { code: 'blocked', detail: result.final_answer || 'The input guardrail blocked this message.' };
  const match = TOOL_ERROR.exec(result.final_answer.trim());
  if (match) return { code: match[1], detail: match[2] };
  const failedCall = result.results.flatMap((item) => item.tool_calls).find((call) => call.error);
  if (!result.success && failedCall) {
    return { code: failedCall.error ?? 'tool_error', detail: `The ${failedCall.name} call failed.` };
  }
  if (result.results.some((item) => item.failed)) return { code: 'subtask_failed', detail: result.final_answer };
  return null;
}
