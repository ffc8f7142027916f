// Graceful shutdown for a listening server: on SIGTERM/SIGINT stop accepting connections, end open
// SSE streams with a `shutting_down` error event (the server's preClose hook), and wait for
// in-flight requests. A second signal while shutting down exits at once.
import type { FastifyInstance } from 'fastify';

export interface ShutdownOptions {
  signals?: NodeJS.Signals[];
  /** Called for a second signal during shutdown (default: exit with status 1). */
  onForce?: () => void;
}

/** Resolves with the signal's name once the server has closed after a shutdown signal. */
export function closeOnSignal(app: FastifyInstance, options: ShutdownOptions = {}): Promise<NodeJS.Signals> {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const force = options.onForce ?? (() => process.exit(1));
  return new Promise((resolve, reject) => {
    let closing = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        force();
        return;
      }
      closing = true;
      app.log.info({ signal }, 'shutting down');
      app.close().then(
        () => {
          for (const name of signals) process.off(name, onSignal);
          resolve(signal);
        },
        (error: unknown) => reject(error),
      );
    };
    for (const name of signals) process.on(name, onSignal);
  });
}
