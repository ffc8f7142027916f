// Monitoring: KPI cards, runs and cost over time, and the most recent runs.
import { useApi } from '../app/api-context';
import { useAsync } from '../app/use-async';
import { DailyChart } from '../components/daily-chart';
import { ErrorMessage } from '../components/error-message';
import { formatDate, formatMs, formatNumber, formatPercent, formatUsd } from '../components/format';
import { KpiCard } from '../components/kpi-card';
import { PageHeader } from '../components/page-header';
import { Spinner } from '../components/spinner';
import { TableScroll } from '../components/table-scroll';

export function MonitoringView() {
  const api = useApi();
  const monitoring = useAsync(() => api.monitoring(), [api]);
  const data = monitoring.data;
  const totals = data?.totals;
  return (
    <div className="view">
      <PageHeader
        title="Monitoring"
        actions={
          <button type="button" className="button" onClick={monitoring.reload}>
            Refresh
          </button>
        }
      >
        How the agent server is doing, from the usage record every run writes.
      </PageHeader>
      <ErrorMessage error={monitoring.error} title="Could not load monitoring data" />
      {monitoring.loading && !data ? <Spinner label="Loading…" /> : null}
      {totals ? (
        <div className="kpis">
          <KpiCard label="Runs" value={formatNumber(totals.runs)} detail={`${totals.blocked} blocked`} />
          <KpiCard label="Success rate" value={formatPercent(totals.success_rate)} />
          <KpiCard
            label="Latency"
            value={formatMs(totals.avg_latency_ms)}
            detail={`p95 ${formatMs(totals.p95_latency_ms)}`}
          />
          <KpiCard label="Tokens" value={formatNumber(totals.total_tokens)} />
          <KpiCard label="Cost" value={formatUsd(totals.total_cost_usd)} />
          <KpiCard label="Valid tool calls" value={formatPercent(totals.tool_valid_rate)} />
        </div>
      ) : null}
      {data ? (
        <>
          <section className="card">
            <h2>Runs and cost over time</h2>
            <DailyChart points={data.daily} />
          </section>
          <section className="card">
            <h2>Recent runs</h2>
            <TableScroll label="Recent runs">
              <table>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Task</th>
                    <th scope="col">Tenant</th>
                    <th scope="col">Mode</th>
                    <th scope="col">Outcome</th>
                    <th scope="col" className="num">
                      Tokens
                    </th>
                    <th scope="col" className="num">
                      Cost
                    </th>
                    <th scope="col" className="num">
                      Latency
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.recent.map((row) => (
                    <tr key={`${row.thread_id}-${row.created_at}`}>
                      <td>{formatDate(row.created_at)}</td>
                      <td className="truncate" title={row.task}>
                        {row.task}
                      </td>
                      <td>{row.tenant_id}</td>
                      <td>{row.mode}</td>
                      <td>
                        <span className={`badge ${row.blocked || !row.success ? 'bad' : 'ok'}`}>
                          {row.blocked ? 'blocked' : row.success ? 'success' : 'failed'}
                        </span>
                      </td>
                      <td className="num">{formatNumber(row.total_tokens)}</td>
                      <td className="num">{formatUsd(row.cost_usd)}</td>
                      <td className="num">{formatMs(row.latency_ms)}</td>
                    </tr>
                  ))}
                  {data.recent.length === 0 ? (
                    <tr>
                      <td colSpan={8} className="muted">
                        No runs yet.
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </TableScroll>
          </section>
        </>
      ) : null}
    </div>
  );
}
