// Costs: spend per tenant against its budget, and what remains.
import { useApi } from '../app/api-context';
import { useAsync } from '../app/use-async';
import { ErrorMessage } from '../components/error-message';
import { formatNumber, formatUsd } from '../components/format';
import { PageHeader } from '../components/page-header';
import { Spinner } from '../components/spinner';
import { TableScroll } from '../components/table-scroll';

export function CostsView() {
  const api = useApi();
  const costs = useAsync(() => api.costs(), [api]);
  const rows = Object.entries(costs.data ?? {});
  return (
    <div className="view">
      <PageHeader
        title="Costs"
        actions={
          <button type="button" className="button" onClick={costs.reload}>
            Refresh
          </button>
        }
      >
        Spend per tenant. Budgets are enforced before each run and between model calls.
      </PageHeader>
      <ErrorMessage error={costs.error} title="Could not load costs" />
      {costs.loading && !costs.data ? <Spinner label="Loading…" /> : null}
      <TableScroll label="Spend per tenant" card>
        <table>
          <thead>
            <tr>
              <th scope="col">Tenant</th>
              <th scope="col" className="num">
                Runs
              </th>
              <th scope="col" className="num">
                Blocked
              </th>
              <th scope="col" className="num">
                Tokens (in / out)
              </th>
              <th scope="col" className="num">
                Spent
              </th>
              <th scope="col" className="num">
                Budget
              </th>
              <th scope="col" className="num">
                Remaining
              </th>
              <th scope="col">Used</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([tenant, row]) => {
              const used = row.budget_usd ? Math.min(1, row.cost_usd / row.budget_usd) : null;
              return (
                <tr key={tenant}>
                  <th scope="row">{tenant}</th>
                  <td className="num">{formatNumber(row.runs)}</td>
                  <td className="num">{formatNumber(row.blocked)}</td>
                  <td className="num">
                    {formatNumber(row.prompt_tokens)} / {formatNumber(row.completion_tokens)}
                  </td>
                  <td className="num">{formatUsd(row.cost_usd)}</td>
                  <td className="num">{row.budget_usd === null ? 'no budget' : formatUsd(row.budget_usd)}</td>
                  <td className="num">{row.remaining_usd === null ? '—' : formatUsd(row.remaining_usd)}</td>
                  <td>
                    {used === null ? (
                      <span className="muted">—</span>
                    ) : (
                      <meter min={0} max={1} value={used} aria-label={`Budget used by ${tenant}`}>
                        {Math.round(used * 100)}%
                      </meter>
                    )}
                  </td>
                </tr>
              );
            })}
            {costs.data && rows.length === 0 ? (
              <tr>
                <td colSpan={8} className="muted">
                  No spend recorded yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
