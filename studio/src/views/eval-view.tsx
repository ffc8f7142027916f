// Eval: run the built-in evaluation suite on the offline model and show its report.
import { useEffect, useState } from 'react';
import type { EvalReport } from '../api/types';
import { useApi } from '../app/api-context';
import { ErrorMessage } from '../components/error-message';
import { formatPercent } from '../components/format';
import { PageHeader } from '../components/page-header';
import { Spinner } from '../components/spinner';
import { TableScroll } from '../components/table-scroll';

export function EvalView() {
  const api = useApi();
  const [report, setReport] = useState<EvalReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);

  // The suite is one request with no partial results, so progress is shown as elapsed time.
  useEffect(() => {
    if (startedAt === null) return;
    const timer = window.setInterval(() => setElapsed(Math.round((Date.now() - startedAt) / 1000)), 500);
    return () => window.clearInterval(timer);
  }, [startedAt]);

  const run = async () => {
    setError(null);
    setReport(null);
    setElapsed(0);
    setStartedAt(Date.now());
    try {
      setReport(await api.runEval());
    } catch (caught) {
      setError(caught);
    } finally {
      setStartedAt(null);
    }
  };

  return (
    <div className="view">
      <PageHeader
        title="Eval"
        actions={
          <button type="button" className="button primary" onClick={() => void run()} disabled={startedAt !== null}>
            Run eval suite
          </button>
        }
      >
        Runs the built-in task suite on the offline model: routing, tool validity, guardrails and learning.
      </PageHeader>
      {startedAt !== null ? (
        <div className="card">
          <Spinner label={`Running the suite… ${elapsed}s`} />
          <progress aria-label="Eval progress" />
        </div>
      ) : null}
      <ErrorMessage error={error} title="The eval failed" />
      {report ? (
        <>
          <div className="kpis">
            <div className="kpi">
              <span className="kpi-label">Pass rate</span>
              <span className="kpi-value">{formatPercent(report.pass_rate)}</span>
              <span className="kpi-detail">
                {report.n_passed} of {report.n_total} passed
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-label">Blocked</span>
              <span className="kpi-value">{report.blocked}</span>
            </div>
            <div className="kpi">
              <span className="kpi-label">Modes</span>
              <span className="kpi-detail">
                {Object.entries(report.modes ?? {})
                  .map(([mode, count]) => `${mode}: ${count}`)
                  .join(' · ')}
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-label">Learning recall</span>
              <span className="kpi-value">
                {report.learning_recall === null ? 'n/a' : formatPercent(report.learning_recall)}
              </span>
              <span className="kpi-detail">repeated tasks that recalled a lesson</span>
            </div>
          </div>
          <TableScroll label="Eval report" card>
            <table>
              <caption>Eval report</caption>
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col">Result</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Blocked</th>
                  <th scope="col" className="num">
                    Valid tool calls
                  </th>
                  <th scope="col">Notes</th>
                </tr>
              </thead>
              <tbody>
                {report.results.map((row) => (
                  <tr key={row.task_id}>
                    <th scope="row">{row.task_id}</th>
                    <td>
                      <span className={`badge ${row.passed ? 'ok' : 'bad'}`}>{row.passed ? 'pass' : 'fail'}</span>
                    </td>
                    <td>{row.mode}</td>
                    <td>{row.blocked ? 'yes' : 'no'}</td>
                    <td className="num">{formatPercent(row.tool_valid_rate)}</td>
                    <td>{Array.isArray(row.notes) ? row.notes.join('; ') : row.notes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : startedAt === null && !error ? (
        <p className="card muted">No report yet. Run the suite to see how the agent graph performs.</p>
      ) : null}
    </div>
  );
}
