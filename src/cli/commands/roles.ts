// `riptide roles [query]`: the role catalog, optionally ranked for a query or filtered by category.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { integerArgument } from '../number-arguments.js';

export function registerRolesCommand(program: Command, context: CliContext): void {
  program
    .command('roles')
    .description('list the roles, ranked for a query when one is given')
    .argument('[query]', 'what the role should be good at, e.g. "security review"')
    .option('--json', 'print JSON (the /api/roles shape)')
    .option('--category <category>', 'only roles in this category')
    .option('--limit <n>', 'how many roles at most', integerArgument(1, 100_000))
    .action(async (query: string | undefined, options: { json?: boolean; category?: string; limit?: number }) => {
      // Built straight from the configuration: listing roles needs no database.
      const { createCatalogs } = await import('../../riptide-catalogs.js');
      const catalog = createCatalogs(context.config()).roles;
      const limit = Number.isFinite(options.limit) && (options.limit as number) > 0 ? (options.limit as number) : 1_000;
      const roles = catalog.search(query ?? '', { limit, category: options.category });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(roles, null, 2)}\n`);
        return;
      }
      const width = Math.max(4, ...roles.map((role) => role.name.length));
      for (const role of roles) {
        process.stdout.write(`${role.name.padEnd(width)}  ${role.category.padEnd(11)}  ${role.description}\n`);
      }
      if (roles.length === 0) process.stderr.write('no matching roles\n');
    });
}
