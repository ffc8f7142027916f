// The `riptide` command line. Each subcommand lives in commands/<name>.ts and registers itself here.
// Registering a command costs only its flags: what a command runs is imported when it runs, so
// `riptide --help` and `--version` load commander and little else.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { ConfigOverrides } from '../config/config.js';
import type { CliContext } from './cli-context.js';
import { registerCostsCommand } from './commands/costs.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerKeysCommand } from './commands/keys.js';
import { registerMcpCommand } from './commands/mcp.js';
import { registerMemoryCommand } from './commands/memory.js';
import { registerResumeCommand } from './commands/resume.js';
import { registerRolesCommand } from './commands/roles.js';
import { registerRunCommand } from './commands/run.js';
import { registerServeCommand } from './commands/serve.js';
import { registerToolsCommand } from './commands/tools.js';
import { registerWorkerCommand } from './commands/worker.js';
import { registerWorkflowCommand } from './commands/workflow.js';
import { reportCliError } from './report-cli-error.js';

const program = new Command('riptide')
  .description('riptide: a multi-agent framework and agent server')
  .version(packageVersion(), '-V, --version', 'print the riptide version')
  .option('--data-dir <dir>', 'where runs, memory and the workspace live (RIPTIDE_DATA_DIR)')
  .showHelpAfterError();

// The context (configuration parsing, the composition root) is loaded just before a command's
// action runs, so --help and --version never import it.
let loaded: CliContext | undefined;
program.hook('preAction', async () => {
  const { createCliContext } = await import('./cli-context.js');
  loaded ??= createCliContext(
    () => {
      const options = program.opts<{ dataDir?: string }>();
      const overrides: ConfigOverrides = {};
      if (options.dataDir) overrides.dataDir = options.dataDir;
      return overrides;
    },
    async (config) => (await import('../riptide.js')).createRiptide(config),
  );
});
const contextOf = (): CliContext => {
  if (!loaded) throw new Error('the CLI context is used before a command runs');
  return loaded;
};
const context: CliContext = {
  config: () => contextOf().config(),
  open: () => contextOf().open(),
  close: async () => loaded?.close(),
};

// Subcommands: one register call per file in ./commands.
registerServeCommand(program, context);
registerRunCommand(program, context);
registerResumeCommand(program, context);
registerToolsCommand(program, context);
registerRolesCommand(program, context);
registerMcpCommand(program, context);
registerWorkflowCommand(program, context);
registerEvalCommand(program, context);
registerMemoryCommand(program, context);
registerCostsCommand(program, context);
registerKeysCommand(program, context);
registerWorkerCommand(program, context);

/** The version in package.json (the same relative path from src/cli and dist/cli). */
function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  reportCliError(error);
} finally {
  await context.close().catch(() => undefined);
}
