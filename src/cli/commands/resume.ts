// `riptide resume <thread_id> --approve|--deny|--answer "…"`: continues a pending run (from this or
// another process) with the configuration it started with.
import type { Command } from 'commander';
import { ValidationError } from '../../errors/riptide-error.js';
import type { CliContext } from '../cli-context.js';
import { consume, followRun, printOutcome } from './run.js';

interface ResumeFlags {
  approve?: boolean;
  deny?: boolean;
  answer?: string;
  json?: boolean;
}

export function registerResumeCommand(program: Command, context: CliContext): void {
  program
    .command('resume')
    .description('continue a run that stopped for an approval or a clarification')
    .argument('<thread_id>', 'the pending run')
    .option('--approve', 'approve the pending side-effecting tool')
    .option('--deny', 'deny the pending side-effecting tool')
    .option('--answer <text>', 'answer the pending clarification')
    .option('--json', 'print only the RunResult (or next pending) JSON')
    .action(async (threadId: string, flags: ResumeFlags) => {
      if (flags.approve && flags.deny) throw new ValidationError(['--approve and --deny exclude each other']);
      if (!flags.approve && !flags.deny && flags.answer === undefined) {
        throw new ValidationError(['give one of --approve, --deny or --answer "…"']);
      }
      const riptide = await context.open();
      const input = { approved: !flags.deny, answer: flags.answer ?? null };
      const outcome = await followRun(
        riptide.runs,
        (onEvent, signal) => consume(riptide.runs.streamResume(threadId, input, { signal }), onEvent),
        { json: flags.json ?? false },
      );
      printOutcome(outcome, flags.json ?? false);
    });
}
