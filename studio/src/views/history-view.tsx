// History: past runs from /api/runs with tenant/status filters; open one in the inspector, and resume
// pending runs from here (the approvals inbox).
import { useState } from 'react';
import { isPendingRun, type RunLookup, type RunStatus, type RunSummary } from '../api/types';
import { useApi } from '../app/api-context';
import { useAsync } from '../app/use-async';
import { ApprovalCard } from '../components/approval-card';
import { ErrorMessage } from '../components/error-message';
import { SelectField, TextField } from '../components/form-fields';
import { formatDate } from '../components/format';
import { PageHeader } from '../components/page-header';
import { RunInspector } from '../components/run-inspector';
import { Spinner } from '../components/spinner';

const STATUSES: (RunStatus | '')[] = ['', 'pending', 'completed', 'failed', 'running'];

export function HistoryView() {
  const api = useApi();
  const [tenant, setTenant] = useState('');
  const [status, setStatus] = useState<RunStatus | ''>('');
  const runs = useAsync(() => api.listRuns({ tenant_id: tenant.trim(), status, limit: 100 }), [api, tenant, status]);
  const [selected, setSelected] = useState<{ summary: RunSummary; lookup: RunLookup } | null>(null);
  const [resumed, setResumed] = useState(false);
  const [detailError, setDetailError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const open = async (summary: RunSummary) => {
    setDetailError(null);
    setResumed(false);
    setBusy(true);
    try {
      setSelected({ summary, lookup: await api.getRun(summary.thread_id) });
    } catch (caught) {
      setDetailError(caught);
    } finally {
      setBusy(false);
    }
  };

  const decide = async (approved: boolean, answer: string | null) => {
    if (!selected) return;
    setBusy(true);
    setDetailError(null);
    try {
      const outcome = await api.resume(selected.summary.thread_id, approved, answer);
      setSelected({ ...selected, lookup: outcome });
      setResumed(!isPendingRun(outcome));
      runs.reload();
    } catch (caught) {
      setDetailError(caught);
    } finally {
      setBusy(false);
    }
  };

  const pendingCount = (runs.data ?? []).filter((run) => run.status === 'pending').length;
  return (
    <div className="view">
      <PageHeader title="History">
        Every run the server has recorded. Pending runs wait here for a decision
        {pendingCount ? ` (${pendingCount} waiting)` : ''}.
      </PageHeader>
      <div className="filters">
        <TextField label="Tenant" value={tenant} placeholder="all tenants" onChange={setTenant} />
        <SelectField label="Status" value={status} onChange={(value) => setStatus(value as RunStatus | '')}>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {value || 'any'}
            </option>
          ))}
        </SelectField>
        <button type="button" className="button" onClick={runs.reload}>
          Refresh
        </button>
      </div>
      <ErrorMessage error={runs.error} title="Could not load runs" />
      {runs.loading && !runs.data ? <Spinner label="Loading runs…" /> : null}
      <div className="split wide-left">
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Runs</caption>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Status</th>
                <th scope="col">Mode</th>
                <th scope="col">Tenant</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(runs.data ?? []).map((run) => (
                <tr
                  key={run.thread_id}
                  className={selected?.summary.thread_id === run.thread_id ? 'selected' : undefined}
                >
                  <td className="truncate" title={run.task}>
                    {run.task}
                  </td>
                  <td>
                    <span
                      className={`badge ${run.status === 'completed' ? 'ok' : run.status === 'failed' ? 'bad' : 'warn'}`}
                    >
                      {run.status}
                    </span>
                  </td>
                  <td>{run.mode ?? '—'}</td>
                  <td>{run.tenant_id}</td>
                  <td>{formatDate(run.updated_at)}</td>
                  <td>
                    <button type="button" className="button small" onClick={() => void open(run)}>
                      {run.status === 'pending' ? 'Review' : 'Open'}
                      <span className="visually-hidden"> run {run.thread_id}</span>
                    </button>
                  </td>
                </tr>
              ))}
              {runs.data && runs.data.length === 0 ? (
                <tr>
                  <td colSpan={6} className="muted">
                    No runs match these filters.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <div className="stack">
          {busy ? <Spinner label="Working…" /> : null}
          <ErrorMessage error={detailError} title="Could not load or resume the run" />
          {selected ? (
            <>
              <p className="muted small">
                Run <code>{selected.summary.thread_id}</code> · {selected.summary.task}
              </p>
              {isPendingRun(selected.lookup) ? (
                <ApprovalCard
                  key={JSON.stringify(selected.lookup.action)}
                  action={selected.lookup.action}
                  busy={busy}
                  onDecide={(approved, answer) => void decide(approved, answer)}
                />
              ) : null}
              {resumed ? (
                <p className="alert ok" role="status">
                  Resumed — the run finished.
                </p>
              ) : null}
              {selected.lookup.status === 'running' ? (
                <p className="muted">This run is still working. Refresh in a moment.</p>
              ) : null}
              {selected.lookup.status === 'queued' || selected.lookup.status === 'cancelled' ? (
                <p className="muted">This background run is {selected.lookup.status}.</p>
              ) : null}
              {(selected.lookup.status === 'completed' || selected.lookup.status === 'failed') &&
              'final_answer' in selected.lookup ? (
                <RunInspector result={selected.lookup} />
              ) : null}
            </>
          ) : (
            <p className="card muted">Open a run to inspect it.</p>
          )}
        </div>
      </div>
    </div>
  );
}
