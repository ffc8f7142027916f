// vote_k self-consistency for a subtask: k direct-answer samples (purpose 'vote') and the majority;
// abandoned — the caller takes the normal path — when any sample wants a tool.

import type { SubtaskResult } from '../spec/run-result.js';
import { majorityVote } from './majority-vote.js';
import { buildVotePrompt } from './prompt-builders.js';
import type { PlannedSubtask } from './run-state.js';
import { resolveRole, type SubtaskEnvironment, type UpstreamEntry } from './subtask-environment.js';
import { offeredTools } from './tool-shortlist.js';

/** vote_k > 1: k direct-answer samples and the majority; null (abandoned) when any sample wants a tool. */
export async function tryVote(
  env: SubtaskEnvironment,
  step: PlannedSubtask,
  upstream: UpstreamEntry[],
): Promise<SubtaskResult | null> {
  const k = env.runtime.options.vote_k;
  if (k <= 1) return null;
  const role = resolveRole(env, step.role);
  const prompt = buildVotePrompt({ task: env.task, subtask: step.subtask, role, upstream });
  const tools = offeredTools(env.runtime, step.subtask, role, { askedHuman: true, handedOff: true });
  const samples = await Promise.all(
    Array.from({ length: k }, (_, sample) =>
      env.caller.call({
        purpose: 'vote',
        tier: 'worker',
        system: prompt.system,
        messages: [{ role: 'user', content: prompt.user }],
        tools,
        metadata: { sample },
      }),
    ),
  );
  if (samples.some((sample) => sample.toolCalls.length > 0)) return null;
  const { answer } = majorityVote(samples.map((sample) => sample.text));
  return { subtask: step.subtask, role: role.name, output: answer, tool_calls: [] };
}
