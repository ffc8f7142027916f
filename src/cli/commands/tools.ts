// `riptide tools [query]`: the tool catalog, ranked by the same retriever workers use.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { integerArgument } from '../number-arguments.js';

export function registerToolsCommand(program: Command, context: CliContext): void {
  program
    .command('tools')
    .description('list the tools, ranked for a query when one is given')
    .argument('[query]', 'what the tool should do, e.g. "calc"')
    .option('--json', 'print JSON (the /api/tools shape)')
    .option('--category <category>', 'only tools in this category')
    .option('--limit <n>', 'how many tools at most', integerArgument(1, 100_000))
    .action(async (query: string | undefined, options: { json?: boolean; category?: string; limit?: number }) => {
      // Built straight from the configuration: listing tools needs no database.
      const { createCatalogs } = await import('../../riptide-catalogs.js');
      const registry = createCatalogs(context.config()).tools;
      const limit = Number.isFinite(options.limit) && (options.limit as number) > 0 ? (options.limit as number) : 1_000;
      const tools = registry.search(query ?? '', { limit, category: options.category });
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify(
            tools.map((tool) => registry.describe(tool)),
            null,
            2,
          )}\n`,
        );
        return;
      }
      const width = Math.max(4, ...tools.map((tool) => tool.name.length));
      for (const tool of tools) {
        const marker = tool.side_effecting ? ' [side-effecting]' : '';
        process.stdout.write(`${tool.name.padEnd(width)}  ${tool.category.padEnd(11)}  ${tool.description}${marker}\n`);
      }
      if (tools.length === 0) process.stderr.write('no matching tools\n');
    });
}
