// `riptide costs [--json]`: runs, tokens, spend, budget and what remains, per tenant.
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

const usd = (value: number | null) => (value === null ? '—' : `$${value.toFixed(4)}`);

export function registerCostsCommand(program: Command, context: CliContext): void {
  program
    .command('costs')
    .description('per-tenant runs, tokens, cost, budget and remaining budget')
    .option('--json', 'print JSON (the /api/costs shape)')
    .action(async (options: { json?: boolean }) => {
      const riptide = await context.open();
      const { tenantCostReport } = await import('../../usage/tenant-cost-report.js');
      const report = await tenantCostReport({
        store: riptide.store,
        budgets: riptide.budgets,
        tenants: Object.keys(riptide.config.budgets.perTenantUsd),
      });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const rows = Object.entries(report).map(([tenant, row]) => [
        tenant,
        String(row.runs),
        String(row.blocked),
        String(row.total_tokens),
        usd(row.cost_usd),
        usd(row.budget_usd),
        usd(row.remaining_usd),
      ]);
      if (rows.length === 0) {
        process.stderr.write('no usage recorded yet\n');
        return;
      }
      const header = ['tenant', 'runs', 'blocked', 'tokens', 'cost', 'budget', 'remaining'];
      const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
      const line = (cells: string[]) =>
        cells
          .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
          .join('  ');
      process.stdout.write(`${line(header)}\n`);
      for (const row of rows) process.stdout.write(`${line(row)}\n`);
    });
}
