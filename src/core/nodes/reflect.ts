// reflect: distils one lesson from the finished run (purpose 'reflect'); the quality gate drops
// non-JSON or empty replies; the lesson and the episode are stored in the tenant's memory.
import { parseLesson } from '../../memory/parse-lesson.js';
import type { NodeContext } from '../node-context.js';
import { buildReflectPrompt } from '../prompt-builders.js';
import { runSucceeded } from '../run-result-builder.js';
import type { RunState, RunStateUpdate } from '../run-state.js';

export async function reflectNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const { runtime, caller } = context;
  // A run whose answer rests only on failed subtasks is never remembered as a success.
  const success = runSucceeded(state);
  const prompt = buildReflectPrompt({
    task: state.task,
    answer: state.final_answer,
    outcome: success ? 'success' : failureOutcome(state),
  });
  const reply = await caller.call({
    purpose: 'reflect',
    tier: 'planner',
    system: prompt.system,
    messages: [{ role: 'user', content: prompt.user }],
    json: true,
  });
  const parsed = parseLesson(reply.text);
  if (!parsed) return { stored_lessons: [] };
  const lesson = await runtime.deps.memory.remember({
    tenantId: runtime.options.tenant_id,
    threadId: runtime.threadId,
    task: state.task,
    finalAnswer: state.final_answer,
    success,
    lesson: parsed.lesson,
    tags: parsed.tags,
    offline: runtime.options.offline,
  });
  return { stored_lessons: [lesson.text] };
}

function failureOutcome(state: RunState): string {
  if (state.final_answer.trim() === '') return 'failure: no answer was produced';
  const failed = state.results.find((result) => result?.failed);
  const error = failed?.tool_calls.at(-1)?.error;
  return `failure: the answer rests on a subtask that failed${error ? ` (${error})` : ''}`;
}
