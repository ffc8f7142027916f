// `riptide serve`: the HTTP API, the OpenAI-compatible endpoint and the Studio on one port, bound to
// loopback by default, until SIGTERM/SIGINT.
import type { Command } from 'commander';
import type { AuthMode } from '../../server/security/authentication.js';
import type { CliContext } from '../cli-context.js';
import { integerArgument } from '../number-arguments.js';
import { DEFAULT_DRAIN_TIMEOUT_MS, DEFAULT_WORKER_CONCURRENCY, parseConcurrency } from './worker.js';

/** How often a server running with --insecure-no-auth beyond loopback says so again. */
const INSECURE_WARNING_INTERVAL_MS = 60_000;
const INSECURE_WARNING =
  'riptide: warning: serving beyond loopback WITHOUT authentication (--insecure-no-auth): anyone who can reach this port can run tools; make sure something in front of riptide authenticates every request\n';

export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('serve the HTTP API, the OpenAI-compatible endpoint (/v1) and the Studio (/)')
    .option('--host <host>', 'address to bind (RIPTIDE_HOST; default 127.0.0.1)')
    .option('--port <port>', 'port to listen on (RIPTIDE_PORT; default 8000)', integerArgument(0, 65_535))
    .option(
      '--insecure-no-auth',
      'serve beyond loopback without API keys (only behind something that authenticates every request)',
    )
    .option('--no-worker', 'do not execute background runs in this process (leave them to `riptide worker`)')
    .option(
      '--worker-concurrency <n>',
      `background runs this process executes at once (default ${DEFAULT_WORKER_CONCURRENCY})`,
      parseConcurrency,
    )
    .action(
      async (options: {
        host?: string;
        port?: number;
        insecureNoAuth?: boolean;
        worker: boolean;
        workerConcurrency?: number;
      }) => {
        const [{ buildServer }, { closeOnSignal }, { authIsRequired }, { isLoopbackHost }] = await Promise.all([
          import('../../server/build-server.js'),
          import('../../server/graceful-shutdown.js'),
          import('../../server/security/authentication.js'),
          import('../../server/security/loopback.js'),
        ]);
        const config = context.config();
        const host = options.host ?? config.host;
        const port = options.port ?? config.port;
        const riptide = await context.open();
        const app = await buildServer(riptide, { bindHost: host, insecureNoAuth: options.insecureNoAuth === true });
        const stopped = closeOnSignal(app);
        await app.listen({ host, port });
        // Runs stranded by a process that died (this one before a restart, or a peer on the same
        // database) are taken over and brought to an end.
        const recovery = riptide.runs.startRecovery();
        const worker = options.worker
          ? riptide.background.startWorker({
              concurrency: options.workerConcurrency ?? DEFAULT_WORKER_CONCURRENCY,
              recover: false,
            })
          : null;
        const address = app.server.address();
        const boundPort = typeof address === 'object' && address ? address.port : port;
        const shownHost = host.includes(':') ? `[${host}]` : host;
        const url = `http://${shownHost}:${boundPort}`;
        process.stdout.write(`riptide serving on ${url} (Studio at /, API docs at ${url}/docs)\n`);
        const keysRequired = await authIsRequired({ mode: app.riptideAuthMode, keys: riptide.keys });
        const security = describeSecurity(app.riptideAuthMode, keysRequired);
        process.stdout.write(`${security}\n`);
        let warning: NodeJS.Timeout | undefined;
        if (app.riptideAuthMode === 'off' && !isLoopbackHost(host)) {
          process.stderr.write(INSECURE_WARNING);
          warning = setInterval(() => process.stderr.write(INSECURE_WARNING), INSECURE_WARNING_INTERVAL_MS);
          warning.unref();
        }
        await stopped;
        recovery.stop();
        await worker?.drain(DEFAULT_DRAIN_TIMEOUT_MS);
        clearInterval(warning);
        // Close the database now so the process ends with status 0 right after the last request.
        await context.close();
      },
    );
}

function describeSecurity(mode: AuthMode, keysRequired: boolean): string {
  if (keysRequired) {
    return 'API keys required (Authorization: Bearer <key>); create one with `riptide keys create --tenant <id>`';
  }
  return mode === 'off'
    ? 'authentication is off (RIPTIDE_AUTH=off or --insecure-no-auth)'
    : 'open on loopback until the first API key is created (`riptide keys create`)';
}
