// recall: the tenant's top lessons for the task (never raw episodes), injected into planner and
// worker prompts and reported as recalled_lessons.

import type { NodeContext } from '../node-context.js';
import type { RunState, RunStateUpdate } from '../run-state.js';

const RECALL_LIMIT = 3;

export async function recallNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const { runtime } = context;
  const lessons = await runtime.deps.memory.recall(runtime.options.tenant_id, state.task, {
    limit: RECALL_LIMIT,
    offline: runtime.options.offline,
    abortSignal: runtime.signal,
  });
  return { recalled_lessons: lessons.map((lesson) => lesson.text) };
}
