// The `riptide` command line. Each subcommand lives in commands/<name>.ts and registers itself here.
import { Command } from 'commander';
import type { ConfigOverrides } from '../config/config.js';
import { createRiptide } from '../riptide.js';
import { createCliContext, reportCliError } from './cli-context.js';
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

const program = new Command('riptide')
  .description('riptide: a multi-agent framework and agent server')
  .option('--data-dir <dir>', 'where runs, memory and the workspace live (RIPTIDE_DATA_DIR)')
  .showHelpAfterError();

const context = createCliContext(() => {
  const options = program.opts<{ dataDir?: string }>();
  const overrides: ConfigOverrides = {};
  if (options.dataDir) overrides.dataDir = options.dataDir;
  return overrides;
}, createRiptide);

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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  reportCliError(error);
} finally {
  await context.close().catch(() => undefined);
}
