// The cost-aware composer: decides single agent vs swarm for a plan and explains itself with both
// estimates (tokens priced by the model gateway; latency by the number of sequential model calls).
// Tokens are estimated, not counted: the figure is a forecast built on fixed overheads, and an exact
// count would load the tokenizer's tables on every run.

import { estimateTokens } from '../models/token-estimate.js';
import type { RunOptions } from '../spec/run-options.js';
import type { SwarmDecision } from '../spec/run-result.js';
import type { RunRuntime } from './run-runtime.js';
import type { PlannedSubtask } from './run-state.js';
import { toolShortlist } from './tool-shortlist.js';
import { computeWaves } from './wave-scheduler.js';

/** Prompt overhead per worker call (system prompt, role, tool schemas) and a typical reply size. */
const WORKER_PROMPT_OVERHEAD_TOKENS = 250;
const WORKER_COMPLETION_TOKENS = 120;
/** Each dependent reads its upstream outputs from the blackboard: extra prompt tokens per edge. */
const BLACKBOARD_TOKENS_PER_EDGE = 120;
/** Swarm coordination: one more prompt overhead per wave (the workers cannot share a context). */
const SWARM_WAVE_OVERHEAD_TOKENS = 80;

export interface CompositionInput {
  plan: PlannedSubtask[];
  task: string;
  options: RunOptions;
  /** A mode fixed by the caller (a workflow); null lets the composer decide. */
  forcedMode: 'single' | 'swarm' | null;
}

export function decideComposition(runtime: RunRuntime, input: CompositionInput): SwarmDecision {
  const { deps } = runtime;
  const { models } = deps;
  const { plan, options } = input;
  const waves = computeWaves(plan);
  const widest = Math.max(0, ...waves.map((wave) => wave.length));
  const model = models.resolveModel({ tier: 'worker', model: options.model, offline: options.offline });
  const perCallMs = model.provider === 'offline' ? 5 : 1_500;
  const callsPerSubtask = options.vote_k > 1 ? 1 : options.react_steps;

  let promptTokens = 0;
  let edges = 0;
  for (const step of plan) {
    promptTokens += estimateTokens(`${input.task}\n${step.subtask}`) + WORKER_PROMPT_OVERHEAD_TOKENS;
    edges += step.depends_on.length;
  }
  const completionTokens = plan.length * WORKER_COMPLETION_TOKENS;
  const singlePrompt = promptTokens + edges * BLACKBOARD_TOKENS_PER_EDGE;
  const swarmPrompt = singlePrompt + waves.length * SWARM_WAVE_OVERHEAD_TOKENS;
  const estimates = {
    single_estimate_usd: models.estimateCost(model.model, singlePrompt, completionTokens),
    swarm_estimate_usd: models.estimateCost(model.model, swarmPrompt, completionTokens),
    single_estimate_ms: plan.length * callsPerSubtask * perCallMs,
    swarm_estimate_ms: waves.length * callsPerSubtask * perCallMs,
  };
  const decide = (mode: 'single' | 'swarm', reason: string): SwarmDecision => ({ mode, reason, ...estimates });

  if (input.forcedMode) return decide(input.forcedMode, `mode '${input.forcedMode}' fixed by the caller`);
  if (options.single) return decide('single', 'single agent forced by the run options');
  if ((options.client_tools?.length ?? 0) > 0 && options.tool_choice !== 'none') {
    return decide(
      'single',
      "the caller's own functions may be called; the caller answers them in turn, so one agent runs it",
    );
  }
  if (plan.length < 2) return decide('single', 'one subtask: nothing to run in parallel');
  const sideEffecting = plan.filter((step) => needsSideEffects(runtime, step));
  if (sideEffecting.length > 0) {
    return decide(
      'single',
      `'${sideEffecting[0].subtask}' needs a side-effecting tool; approvals serialize, so one agent runs it`,
    );
  }
  if (widest < 2) {
    return decide('single', `the ${plan.length} subtasks form a chain (no wave has two independent subtasks)`);
  }
  return decide(
    'swarm',
    `${plan.length} subtasks in ${waves.length} wave(s), up to ${widest} in parallel: ~${estimates.swarm_estimate_ms} ms ` +
      `instead of ~${estimates.single_estimate_ms} ms for about the same tokens`,
  );
}

/** Whether the best-matching tool for a subtask (within its role's allow-list) writes something. */
export function needsSideEffects(runtime: RunRuntime, step: PlannedSubtask): boolean {
  const role = runtime.deps.roles.get(step.role) ?? runtime.deps.roles.roleFor(step.subtask);
  const [best] = toolShortlist(runtime, step.subtask, role);
  return best?.side_effecting === true;
}
