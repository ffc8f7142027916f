// Per-invocation context handed to every node through LangGraph's `context` option: the components,
// the run's options and a spend tracker. Never checkpointed; rebuilt from the stored run on resume.
import type { ValidateFunction } from 'ajv';
import type { RunOptions } from '../spec/run-options.js';
import type { ToolSpec } from '../tools/tool-spec.js';
import type { RunDependencies } from './run-dependencies.js';
import type { StaticPlan } from './run-service.js';

/** What this invocation spent, kept outside graph state so a run that fails mid-node still reports it. */
export interface SpendTracker {
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  modelCalls: number;
}

export interface RunRuntime {
  deps: RunDependencies;
  options: RunOptions;
  threadId: string;
  interactive: boolean;
  signal?: AbortSignal;
  /** The compiled final_schema validator (null without final_schema). */
  finalSchema: ValidateFunction | null;
  spend: SpendTracker;
  /** Spend of earlier invocations of the same run (a resumed run), counted against the budget. */
  priorCostUsd: number;
  /** A workflow's fixed plan (replaces planning) and its forced mode. */
  staticPlan: StaticPlan | null;
  forcedMode: 'single' | 'swarm' | null;
  /** Retrieved tools per role + subtask for this invocation (see tool-shortlist.ts). */
  toolShortlists: Map<string, ToolSpec[]>;
}

export function emptySpend(): SpendTracker {
  return { promptTokens: 0, completionTokens: 0, costUsd: 0, modelCalls: 0 };
}
