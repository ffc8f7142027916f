// Per-invocation context of a run handed to every node: the components, the run's options, its
// thread and signal. Never checkpointed; rebuilt from the stored run on resume or takeover.
import type { ValidateFunction } from 'ajv';
import type { RunOptions } from '../spec/run-options.js';
import type { ToolSpec } from '../tools/tool-spec.js';
import type { RunDependencies } from './run-dependencies.js';
import type { StaticPlan } from './run-service.js';

export interface RunRuntime {
  deps: RunDependencies;
  options: RunOptions;
  threadId: string;
  interactive: boolean;
  signal?: AbortSignal;
  /** The compiled final_schema validator (null without final_schema). */
  finalSchema: ValidateFunction | null;
  /** A workflow's fixed plan (replaces planning) and its forced mode. */
  staticPlan: StaticPlan | null;
  forcedMode: 'single' | 'swarm' | null;
  /** Retrieved tools per role + subtask for this invocation (see tool-shortlist.ts); dropped with it. */
  toolShortlists: Map<string, ToolSpec[]>;
  /**
   * Side effects this invocation has set out to run (counted before each claim). A durable run
   * checkpoints after a node that started one, so a takeover never runs that node again.
   */
  sideEffectsStarted: number;
}
