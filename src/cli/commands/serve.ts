// `riptide serve`: the HTTP API, the OpenAI-compatible endpoint and the Studio on one port, bound to
// loopback by default, until SIGTERM/SIGINT.
import { type Command, InvalidArgumentError } from 'commander';
import { buildServer } from '../../server/build-server.js';
import { closeOnSignal } from '../../server/graceful-shutdown.js';
import type { CliContext } from '../cli-context.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('must be an integer from 0 to 65535');
  return port;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('serve the HTTP API, the OpenAI-compatible endpoint (/v1) and the Studio (/)')
    .option('--host <host>', 'address to bind (RIPTIDE_HOST; default 127.0.0.1)')
    .option('--port <port>', 'port to listen on (RIPTIDE_PORT; default 8000)', parsePort)
    .action(async (options: { host?: string; port?: number }) => {
      const config = context.config();
      const host = options.host ?? config.host;
      const port = options.port ?? config.port;
      const riptide = await context.open();
      const app = await buildServer(riptide);
      const stopped = closeOnSignal(app);
      await app.listen({ host, port });
      // Runs stranded by a process that died (this one before a restart, or a peer on the same
      // database) are taken over and brought to an end.
      const recovery = riptide.runs.startRecovery();
      const address = app.server.address();
      const boundPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      const url = `http://${shownHost}:${boundPort}`;
      process.stdout.write(`riptide serving on ${url} (Studio at /, API docs at ${url}/docs)\n`);
      if (!LOOPBACK_HOSTS.has(host)) {
        process.stderr.write(
          'riptide: warning: the server is unauthenticated and bound beyond loopback; put an authenticating proxy in front of it\n',
        );
      }
      await stopped;
      recovery.stop();
      // Close the database now so the process ends with status 0 right after the last request.
      await context.close();
    });
}
