// The eval harness: runs each task of a suite in its own throwaway data directory (a fresh riptide
// over a temporary SQLite file and workspace, removed afterwards), so evals never touch a user's
// memory, costs or workflows, then checks expectations and sums the results into an EvalReport.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type RiptideConfig } from '../config/config.js';
import type { RunService } from '../core/run-service.js';
import type { EvalReport, EvalTaskResult } from '../spec/eval-report.js';
import type { RunOptionsInput } from '../spec/run-options.js';
import { isPending, type RunOutcome } from '../spec/run-result.js';
import { createArgumentsValidator } from '../tools/tool-arguments-validator.js';
import { checkExpectations } from './check-expectations.js';
import { summarizeEval } from './eval-report.js';
import type { EvalSuite, EvalTask } from './eval-suite.js';

export interface EvalProgress {
  /** Tasks finished so far (1-based after the first one ends). */
  done: number;
  total: number;
  result: EvalTaskResult;
}

/** What one eval task runs on: a run service over its own throwaway data directory. */
export interface EvalInstance {
  runs: Pick<RunService, 'runTask' | 'runInteractive'>;
  close(): Promise<void>;
}

export interface RunEvalOptions {
  /** Force the offline model for every task (default true: evals are reproducible unless told otherwise). */
  offline?: boolean;
  /** The configuration each task's riptide is derived from (provider, prices, budgets…); default: the environment. */
  config?: RiptideConfig;
  onProgress?: (progress: EvalProgress) => void;
  signal?: AbortSignal;
  /** Builds each task's components from its isolated configuration (the caller's createRiptide). */
  build: (config: RiptideConfig) => Promise<EvalInstance>;
}

export async function runEval(suite: EvalSuite, options: RunEvalOptions): Promise<EvalReport> {
  const base = options.config ?? loadConfig();
  const results: EvalTaskResult[] = [];
  for (const task of suite.tasks) {
    options.signal?.throwIfAborted();
    const result = await runEvalTask(task, base, options);
    results.push(result);
    options.onProgress?.({ done: results.length, total: suite.tasks.length, result });
  }
  return summarizeEval(suite.name, results);
}

/** One task, isolated: its own data directory, its own components, cleaned up whatever happens. */
export async function runEvalTask(
  task: EvalTask,
  base: RiptideConfig,
  options: RunEvalOptions,
): Promise<EvalTaskResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'riptide-eval-'));
  const config: RiptideConfig = {
    ...base,
    dataDir,
    workspaceDir: path.join(dataDir, 'workspace'),
    databaseFile: path.join(dataDir, 'riptide.sqlite'),
    // Never the user's PostgreSQL database: the throwaway SQLite file is the whole data set.
    databaseUrl: null,
    mcp: { ...base.mcp, servers: [] },
  };
  const started = performance.now();
  const outcomes: RunOutcome[] = [];
  let riptide: EvalInstance | undefined;
  try {
    const components = await options.build(config);
    riptide = components;
    const runOptions = taskRunOptions(task, options.offline ?? true);
    const runs = task.repeat ? 2 : 1;
    for (let attempt = 0; attempt < runs; attempt++) {
      const context = { signal: options.signal };
      outcomes.push(
        task.interactive
          ? await components.runs.runInteractive(runOptions, context)
          : await components.runs.runTask(runOptions, context),
      );
    }
    const outcome = outcomes[outcomes.length - 1];
    const notes = checkExpectations({ expect: task.expect, outcome, schemas: createArgumentsValidator() });
    return taskResult(task, outcomes, notes, performance.now() - started);
  } catch (error) {
    const notes = [`error: ${(error as Error)?.message ?? String(error)}`];
    return { ...taskResult(task, outcomes, notes, performance.now() - started), passed: false, mode: 'error' };
  } finally {
    await riptide?.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}

function taskRunOptions(task: EvalTask, forceOffline: boolean): RunOptionsInput {
  const options: RunOptionsInput = { ...task.options, task: task.prompt };
  if (forceOffline) options.offline = true;
  if (task.expect.structured && !options.final_schema) options.final_schema = task.expect.structured;
  return options;
}

function taskResult(task: EvalTask, outcomes: RunOutcome[], notes: string[], latencyMs: number): EvalTaskResult {
  const last = outcomes[outcomes.length - 1];
  const completed = outcomes.filter((outcome) => !isPending(outcome));
  const callsTotal = completed.reduce((sum, result) => sum + result.tool_calls_total, 0);
  const callsValid = completed.reduce((sum, result) => sum + result.tool_calls_valid, 0);
  const lastResult = last && !isPending(last) ? last : undefined;
  return {
    task_id: task.id,
    passed: notes.length === 0,
    mode: !last ? 'error' : isPending(last) ? 'pending' : last.mode,
    blocked: lastResult?.blocked ?? false,
    tool_valid_rate: callsTotal === 0 ? 1 : callsValid / callsTotal,
    notes,
    latency_ms: Math.round(latencyMs * 100) / 100,
    total_tokens: completed.reduce((sum, result) => sum + result.metrics.usage.total_tokens, 0),
    cost_usd: completed.reduce((sum, result) => sum + result.metrics.cost_usd, 0),
    tags: task.tags,
    recalled: task.repeat ? (lastResult ? lastResult.recalled_lessons.length > 0 : false) : null,
  };
}
