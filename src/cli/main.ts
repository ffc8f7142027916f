// The `riptide` command line. Each subcommand lives in commands/<name>.ts and registers itself here.
import { Command } from 'commander';
import type { ConfigOverrides } from '../config/config.js';
import { createRiptide } from '../riptide.js';
import { createCliContext, reportCliError } from './cli-context.js';

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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  reportCliError(error);
} finally {
  await context.close().catch(() => undefined);
}
