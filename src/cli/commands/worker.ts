// `riptide worker`: executes queued background runs (POST /api/runs) until SIGTERM/SIGINT, then
// drains — running runs may finish for --drain-timeout, the rest go back to the queue and another
// worker continues them from their last checkpoint. Any number of workers (and `riptide serve`
// replicas) share one PostgreSQL database; on the SQLite default the queue is this process's own.
import { type Command, InvalidArgumentError } from 'commander';
import type { CliContext } from '../cli-context.js';

function positiveInteger(max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < 1 || number > max) {
      throw new InvalidArgumentError(`must be an integer from 1 to ${max}`);
    }
    return number;
  };
}

export const DEFAULT_WORKER_CONCURRENCY = 16;
export const DEFAULT_DRAIN_TIMEOUT_MS = 30_000;
export const parseConcurrency = positiveInteger(1_000);
export const parseDrainTimeout = positiveInteger(3_600_000);

/** Resolves on the first SIGTERM or SIGINT; a second one exits at once. */
export function nextShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      process.once('SIGTERM', () => process.exit(1));
      process.once('SIGINT', () => process.exit(1));
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

export function registerWorkerCommand(program: Command, context: CliContext): void {
  program
    .command('worker')
    .description('execute queued background runs (POST /api/runs) until SIGTERM, then drain')
    .option('--concurrency <n>', `runs executed at once (default ${DEFAULT_WORKER_CONCURRENCY})`, parseConcurrency)
    .option(
      '--drain-timeout <ms>',
      `on SIGTERM, how long running runs may finish before they are handed back (default ${DEFAULT_DRAIN_TIMEOUT_MS})`,
      parseDrainTimeout,
    )
    .action(async (options: { concurrency?: number; drainTimeout?: number }) => {
      const riptide = await context.open();
      const concurrency = options.concurrency ?? DEFAULT_WORKER_CONCURRENCY;
      const signal = nextShutdownSignal();
      const worker = riptide.background.startWorker({ concurrency });
      process.stdout.write(
        `riptide worker running (${riptide.background.queue.engine} queue, concurrency ${concurrency}, pid ${process.pid})\n`,
      );
      await signal;
      const { handedBack } = await worker.drain(options.drainTimeout ?? DEFAULT_DRAIN_TIMEOUT_MS);
      process.stdout.write(`riptide worker drained (${handedBack} runs handed back to the queue)\n`);
      await context.close();
    });
}
