// `riptide eval`: runs a behavioural suite (the bundled default, or --suite file) with each task in a
// throwaway data directory, shows progress on stderr, prints a table (or JSON) on stdout, and exits
// non-zero below --min-pass-rate so it can gate CI.

import type { Command } from 'commander';
import { ValidationError } from '../../errors/riptide-error.js';
import type { EvalProgress, runEval } from '../../eval/run-eval.js';
import type { CliContext } from '../cli-context.js';
import { canRedrawInPlace } from '../terminal-progress.js';

interface EvalFlags {
  offline?: boolean;
  suite?: string;
  json?: boolean;
  minPassRate?: number;
}

function parseRate(value: string): number {
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new ValidationError([`--min-pass-rate: must be a number from 0 to 1 (got '${value}')`]);
  }
  return rate;
}

export function registerEvalCommand(program: Command, context: CliContext): void {
  program
    .command('eval')
    .description('run the behavioural eval suite, each task isolated in a temporary data directory')
    .option('--offline', 'force the built-in deterministic offline model (otherwise the configured provider)')
    .option('--suite <file>', 'a suite file (JSON or YAML) instead of the bundled default suite')
    .option('--json', 'print the EvalReport as JSON')
    .option('--min-pass-rate <rate>', 'exit non-zero when the pass rate is below this (0–1)', parseRate)
    .action(async (flags: EvalFlags) => {
      const [{ describeFailures }, { formatEvalTable }, { loadDefaultSuite, loadEvalSuite }, { runEval }] =
        await Promise.all([
          import('../../eval/eval-report.js'),
          import('../../eval/format-eval-table.js'),
          import('../../eval/load-eval-suite.js'),
          import('../../eval/run-eval.js'),
        ]);
      const { createRiptide } = await import('../../riptide.js');
      const suite = flags.suite ? await loadEvalSuite(flags.suite) : await loadDefaultSuite();
      const progress = await createProgress(suite.tasks.length);
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      let report: Awaited<ReturnType<typeof runEval>>;
      try {
        report = await runEval(suite, {
          build: createRiptide,
          offline: Boolean(flags.offline),
          config: context.config(),
          onProgress: progress.update,
          signal: controller.signal,
        });
      } finally {
        progress.stop();
        process.off('SIGINT', onSigint);
      }
      process.stdout.write(`${flags.json ? JSON.stringify(report, null, 2) : formatEvalTable(report)}\n`);
      if (flags.minPassRate !== undefined && report.pass_rate < flags.minPassRate) {
        const failures = describeFailures(report);
        process.stderr.write(
          `riptide eval: pass rate ${(report.pass_rate * 100).toFixed(1)}% is below ${(flags.minPassRate * 100).toFixed(1)}%; failing tasks:\n`,
        );
        for (const failure of failures) process.stderr.write(`  - ${failure}\n`);
        process.exitCode = 1;
      }
    });
}

/** A progress bar on a terminal wide enough to redraw it; one line per finished task otherwise (CI logs). */
async function createProgress(total: number): Promise<{ update: (progress: EvalProgress) => void; stop: () => void }> {
  if (!canRedrawInPlace(process.stderr)) {
    return {
      update: ({ done, result }) =>
        process.stderr.write(`[${done}/${total}] ${result.task_id} ${result.passed ? 'PASS' : 'FAIL'}\n`),
      stop: () => undefined,
    };
  }
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'eval [{bar}] {value}/{total} {task}',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { task: '' });
  return {
    update: ({ done, result }) => bar.update(done, { task: `${result.task_id} ${result.passed ? 'PASS' : 'FAIL'}` }),
    stop: () => bar.stop(),
  };
}
