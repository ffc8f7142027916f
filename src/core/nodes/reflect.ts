// reflect: distils one lesson from the finished run (purpose 'reflect'); the quality gate drops
// non-JSON or empty replies; the lesson and the episode are stored in the tenant's memory.
import { parseLesson } from '../../memory/parse-lesson.js';
import type { AgentStateUpdate, AgentStateValue } from '../graph-state.js';
import { type NodeConfig, nodeCaller } from '../node-context.js';
import { buildReflectPrompt } from '../prompt-builders.js';

export async function reflectNode(state: AgentStateValue, config: NodeConfig): Promise<AgentStateUpdate> {
  const { runtime, caller } = nodeCaller(config);
  const success = state.final_answer.trim() !== '';
  const prompt = buildReflectPrompt({
    task: state.task,
    answer: state.final_answer,
    outcome: success ? 'success' : 'failure: no answer was produced',
  });
  const reply = await caller.call({
    purpose: 'reflect',
    tier: 'planner',
    system: prompt.system,
    messages: [{ role: 'user', content: prompt.user }],
    json: true,
  });
  const parsed = parseLesson(reply.text);
  if (!parsed) return { stored_lessons: [], metrics: caller.metrics };
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
  return { stored_lessons: [lesson.text], metrics: caller.metrics };
}
