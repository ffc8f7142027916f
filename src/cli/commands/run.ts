// `riptide run "task"`: runs a task through the agent graph with a flag per run option, shows
// progress node by node, and stops at approvals/clarifications — asking on a TTY, or printing the
// pending action and thread id elsewhere so `riptide resume` can continue it.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { RunEvent, RunService } from '../../core/run-service.js';
import { ValidationError } from '../../errors/riptide-error.js';
import type { RunOptionsInput } from '../../spec/run-options.js';
import type { PendingRun, ResumeInput, RunOutcome, RunResult } from '../../spec/run-result.js';
import type { CliContext } from '../cli-context.js';
import { integerArgument, numberArgument } from '../number-arguments.js';
import { createTerminalProgress } from '../terminal-progress.js';

interface RunFlags {
  offline?: boolean;
  tenant?: string;
  single?: boolean;
  llmComposer?: boolean;
  critic?: boolean;
  supervisor?: boolean;
  react?: number;
  vote?: number;
  schema?: string;
  model?: string;
  temperature?: number;
  autoApprove?: boolean;
  json?: boolean;
  memory: boolean;
  guardrails: boolean;
}

export function registerRunCommand(program: Command, context: CliContext): void {
  program
    .command('run')
    .description('run a task through the agent graph and print the result')
    .argument('<task>', 'what to do, e.g. "compute 21 * 2"')
    .option('--offline', 'use the built-in deterministic offline model')
    .option('--tenant <id>', 'whose memory, costs and budget', 'default')
    .option('--single', 'force a single agent (no swarm)')
    .option('--llm-composer', 'let the model decompose the task into subtasks with dependencies')
    .option('--critic', 'verify each subtask result before finalize')
    .option('--supervisor', 're-plan corrective subtasks for failed verdicts (implies --critic)')
    .option('--react <n>', 'think→act→observe steps per subtask (1–20)', integerArgument(1, 20))
    .option('--vote <k>', 'self-consistency samples for direct answers (1–15)', integerArgument(1, 15))
    .option('--schema <file>', 'a JSON Schema file the final answer must also be emitted as')
    .option('--model <name>', 'override the configured model for this run')
    .option('--temperature <t>', 'sampling temperature (0–2)', numberArgument(0, 2))
    .option('--auto-approve', 'approve side-effecting tools and answer clarifications automatically')
    .option('--json', 'print only the RunResult (or pending) JSON')
    .option('--no-memory', 'neither recall lessons nor reflect')
    .option('--no-guardrails', 'skip the input/output guardrails')
    .action(async (task: string, flags: RunFlags) => {
      const options = runOptionsFromFlags(task, flags);
      // Every problem of the options is reported before anything starts (no spinner, no database).
      const { parseRunOptions } = await import('../../core/parse-run-options.js');
      parseRunOptions(options);
      const riptide = await context.open();
      const interactive = !flags.autoApprove;
      const outcome = await followRun(
        riptide.runs,
        (onEvent, signal) => consume(riptide.runs.streamRun(options, { interactive, signal }), onEvent),
        { json: flags.json ?? false },
      );
      printOutcome(outcome, flags.json ?? false);
    });
}

export function runOptionsFromFlags(task: string, flags: RunFlags): RunOptionsInput {
  const options: RunOptionsInput = {
    task,
    tenant_id: flags.tenant ?? 'default',
    offline: flags.offline ?? false,
    memory: flags.memory,
    guardrails: flags.guardrails,
    single: flags.single ?? false,
    llm_composer: flags.llmComposer ?? false,
    critic: flags.critic ?? false,
    supervisor: flags.supervisor ?? false,
  };
  if (flags.react !== undefined) options.react_steps = flags.react;
  if (flags.vote !== undefined) options.vote_k = flags.vote;
  if (flags.model) options.model = flags.model;
  if (flags.temperature !== undefined) options.temperature = flags.temperature;
  if (flags.schema) {
    try {
      options.final_schema = JSON.parse(fs.readFileSync(flags.schema, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ValidationError([
        `--schema: cannot read a JSON Schema from ${flags.schema} (${(error as Error).message})`,
      ]);
    }
  }
  return options;
}

/**
 * Runs (or resumes) with a spinner showing each node; on a TTY, answers pending stops by asking the
 * person and resuming, until the run completes. Elsewhere a pending stop is returned as is.
 */
export async function followRun(
  runs: RunService,
  first: (onEvent: (event: RunEvent) => void, signal: AbortSignal) => Promise<RunOutcome>,
  output: { json: boolean },
): Promise<RunOutcome> {
  // Ctrl-C aborts the in-flight model calls; a run already waiting for a human stays resumable.
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const progress = await createTerminalProgress(process.stderr, { silent: output.json });
  const onEvent = (event: RunEvent) => {
    if (event.event === 'node') progress.update(`${event.name} (${event.duration_ms.toFixed(1)} ms)`);
    else if (event.event === 'composition') progress.update(`composed: ${event.mode}, ${event.plan.length} subtask(s)`);
    else if (event.event === 'step') progress.update(`step ${event.index + 1} ${event.status}: ${event.subtask}`);
    else if (event.event === 'token') progress.update('finalize: writing the answer…');
  };
  const ask = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  progress.start('running…');
  try {
    let outcome = await first(onEvent, controller.signal);
    while (outcome.status === 'pending_approval' && ask) {
      progress.stop();
      const decision = await askHuman(outcome);
      progress.start('resuming…');
      outcome = await consume(runs.streamResume(outcome.thread_id, decision, { signal: controller.signal }), onEvent);
    }
    return outcome;
  } finally {
    process.off('SIGINT', onInterrupt);
    progress.stop();
  }
}

/** Reads a run's events to the end and returns its terminal pending/result. */
export async function consume(
  events: AsyncIterable<RunEvent>,
  onEvent: (event: RunEvent) => void,
): Promise<RunOutcome> {
  let outcome: RunOutcome | undefined;
  for await (const event of events) {
    onEvent(event);
    if (event.event === 'result') outcome = event.result;
    else if (event.event === 'pending')
      outcome = { status: 'pending_approval', thread_id: event.thread_id, action: event.action };
  }
  if (!outcome) throw new Error('the run ended without a result');
  return outcome;
}

async function askHuman(pending: PendingRun): Promise<ResumeInput> {
  const { confirm, input } = await import('@inquirer/prompts');
  const action = pending.action;
  if (action.type === 'tool_approval') {
    const approved = await confirm({
      message: `Allow ${action.tool}(${JSON.stringify(action.arguments)}) for "${action.subtask}"?`,
      default: false,
    });
    return { approved, answer: null };
  }
  // Only the OpenAI surface declares client tools; a CLI run never waits on them.
  if (action.type === 'client_tool_calls') return { approved: true, answer: null };
  const answer = await input({ message: `${action.question} ` });
  return { approved: true, answer };
}

export function printOutcome(outcome: RunOutcome, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    return;
  }
  if (outcome.status === 'pending_approval') {
    const action = outcome.action;
    const what =
      action.type === 'tool_approval'
        ? `approve ${action.tool} ${JSON.stringify(action.arguments)} (subtask: ${action.subtask})`
        : action.type === 'clarification'
          ? `answer: ${action.question} (subtask: ${action.subtask})`
          : `results of ${action.tool_calls.map((call) => call.name).join(', ')} (subtask: ${action.subtask})`;
    process.stdout.write(
      `pending — ${what}\nthread: ${outcome.thread_id}\n` +
        `continue with: riptide resume ${outcome.thread_id} ${action.type === 'tool_approval' ? '--approve|--deny' : '--answer "…"'}\n`,
    );
    return;
  }
  printResult(outcome);
}

function printResult(result: RunResult): void {
  const lines = [result.final_answer, ''];
  lines.push(`mode: ${result.mode}${result.blocked ? ' (blocked)' : ''} · status: ${result.status}`);
  for (const call of result.results.flatMap((entry) => entry.tool_calls)) {
    const state = call.error ? ` [${call.error}]` : call.valid ? '' : ' [invalid]';
    lines.push(`tool: ${call.name} ${JSON.stringify(call.arguments)}${state}`);
  }
  const { usage, cost_usd, latency_ms, model_calls } = result.metrics;
  lines.push(
    `cost: $${cost_usd.toFixed(6)} · tokens: ${usage.total_tokens} · model calls: ${model_calls} · ${latency_ms.toFixed(0)} ms`,
  );
  if (result.error) lines.push(`error: ${result.error.code}: ${result.error.detail}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
