// critic: a pass/fail verdict (purpose 'critic') for every result not judged yet; finalize leaves
// failed results out, and the supervisor may correct them.
import { parseModelJson, verdictOutputSchema } from '../../prompts/contract.js';
import type { NodeContext } from '../node-context.js';
import { buildCriticPrompt } from '../prompt-builders.js';
import type { IndexedVerdict, RunState, RunStateUpdate } from '../run-state.js';

export async function criticNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const { caller } = context;
  const judged = new Set(state.verdicts.map((verdict) => verdict.index));
  const pending = state.results.map((_, index) => index).filter((index) => !judged.has(index));
  const fresh = await Promise.all(
    pending.map(async (index): Promise<IndexedVerdict> => {
      const result = state.results[index];
      const prompt = buildCriticPrompt({ task: state.task, subtask: result.subtask, result: result.output });
      const reply = await caller.call({
        purpose: 'critic',
        tier: 'planner',
        system: prompt.system,
        messages: [{ role: 'user', content: prompt.user }],
        json: true,
      });
      const parsed = parseModelJson(reply.text, verdictOutputSchema);
      if (parsed) return { index, verdict: parsed.verdict, reason: parsed.reason };
      // An unparseable verdict: judge by the result itself rather than pass it blindly.
      return result.failed || looksLikeError(result.output)
        ? { index, verdict: 'fail', reason: 'the result looks like an error (critic reply was not JSON)' }
        : { index, verdict: 'pass', reason: 'no objection (critic reply was not JSON)' };
    }),
  );
  return { verdicts: [...state.verdicts, ...fresh] };
}

/** Whether a model-written result reads like a failure (empty, or talks of errors). */
export function looksLikeError(output: string): boolean {
  const text = output.trim();
  return text === '' || /\b(error|exception|failed|traceback)\b/i.test(text);
}

/** Failed verdicts of the latest round (results from `roundStart` on). */
export function latestFailures(state: RunState): IndexedVerdict[] {
  return state.verdicts.filter((verdict) => verdict.verdict === 'fail' && verdict.index >= state.round_start);
}
