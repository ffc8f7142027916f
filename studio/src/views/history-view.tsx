// History: every run the server recorded, as a full-width table — paged on the server with the
// `cursor` of GET /api/runs, filtered by tenant and status there, sorted and text-filtered here. Each
// run links to its page (/runs/<id>), where pending runs are reviewed: the approvals inbox.
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import type { RunStatus, RunSummary } from '../api/types';
import { useApi } from '../app/api-context';
import { useAsync } from '../app/use-async';
import { DataTable, PageSizeSelect } from '../components/data-table';
import { displayStatus } from '../components/display-status';
import { ErrorMessage } from '../components/error-message';
import { SelectField, TextField } from '../components/form-fields';
import { formatDate } from '../components/format';
import { NavLink } from '../components/nav-link';
import { PageHeader } from '../components/page-header';
import { RunStatusBadge } from '../components/run-status-badge';
import { Spinner } from '../components/spinner';
import { runPath } from '../runs/run-path';

/** The statuses the server filters by (a blocked run is a completed run in mode `blocked`). */
const STATUSES = ['pending', 'running', 'completed', 'failed'] as const satisfies readonly RunStatus[];

const runLink = (run: RunSummary) => runPath(run.thread_id);

const column = createColumnHelper<RunSummary>();

const RUN_COLUMNS = [
  column.accessor('task', {
    header: 'Task',
    meta: { className: 'task-cell' },
    cell: ({ row }) => (
      <NavLink to={runLink(row.original)} className="run-link">
        <span title={row.original.task}>{row.original.task}</span>
      </NavLink>
    ),
  }),
  column.accessor((run) => displayStatus(run), {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => <RunStatusBadge run={row.original} />,
  }),
  column.accessor((run) => run.mode ?? '—', { id: 'mode', header: 'Mode' }),
  column.accessor('tenant_id', { header: 'Tenant' }),
  column.accessor('created_at', {
    header: 'Started',
    meta: { className: 'nowrap' },
    cell: (info) => formatDate(info.getValue()),
  }),
  column.accessor('updated_at', {
    header: 'Updated',
    meta: { className: 'nowrap' },
    cell: (info) => formatDate(info.getValue()),
  }),
  column.display({
    id: 'actions',
    header: () => <span className="visually-hidden">Actions</span>,
    cell: ({ row }) => (
      <NavLink to={runLink(row.original)} className="button small">
        {row.original.status === 'pending' ? 'Review' : 'Open'}
        <span className="visually-hidden"> run {row.original.thread_id}</span>
      </NavLink>
    ),
  }),
];

export function HistoryView() {
  const api = useApi();
  const [tenant, setTenant] = useState('');
  const [status, setStatus] = useState<RunStatus | ''>('');
  const [pageSize, setPageSize] = useState(25);
  // The cursor of each page shown so far (the first page has none), so Previous can go back.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const runs = useAsync(
    // One more than a page tells whether there is a next page.
    () => api.listRuns({ tenant_id: tenant.trim(), status, limit: pageSize + 1, cursor }),
    [api, tenant, status, pageSize, cursor],
  );
  const page = (runs.data ?? []).slice(0, pageSize);
  const hasNext = (runs.data?.length ?? 0) > pageSize;
  const restart = () => setCursors([undefined]);

  const pendingCount = page.filter((run) => run.status === 'pending').length;
  return (
    <div className="view">
      <PageHeader title="History">
        Every run the server has recorded, newest first. Open a run to see its graph, model calls and tool calls;
        pending runs wait for a decision{pendingCount ? ` (${pendingCount} on this page)` : ''}.
      </PageHeader>
      <div className="filters">
        <TextField
          label="Tenant"
          value={tenant}
          placeholder="all tenants"
          onChange={(value) => {
            setTenant(value);
            restart();
          }}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(value) => {
            setStatus(value as RunStatus | '');
            restart();
          }}
        >
          <option value="">any</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
        <button type="button" className="button" onClick={runs.reload}>
          Refresh
        </button>
      </div>
      <ErrorMessage error={runs.error} title="Could not load runs" />
      {runs.loading && !runs.data ? <Spinner label="Loading runs…" /> : null}
      <DataTable
        caption="Runs"
        data={page}
        columns={RUN_COLUMNS}
        filterLabel="Filter this page"
        filterPlaceholder="task, status, tenant…"
        serverPaged
        emptyText={
          cursors.length > 1 ? (
            'No more runs.'
          ) : (
            <>
              No runs match these filters. Runs appear here as soon as they start — try one in{' '}
              <NavLink to="/chat">Chat</NavLink> or the <NavLink to="/playground">Playground</NavLink>.
            </>
          )
        }
      />
      <nav className="pager" aria-label="Runs pages">
        <button
          type="button"
          className="button small"
          onClick={() => setCursors((list) => list.slice(0, -1))}
          disabled={cursors.length <= 1 || runs.loading}
        >
          Previous page
        </button>
        <span className="muted small" aria-live="polite">
          Page {cursors.length} · {page.length} {page.length === 1 ? 'run' : 'runs'}
        </span>
        <button
          type="button"
          className="button small"
          onClick={() => setCursors((list) => [...list, page[page.length - 1]?.thread_id])}
          disabled={!hasNext || runs.loading}
        >
          Next page
        </button>
        <PageSizeSelect
          value={pageSize}
          onChange={(size) => {
            setPageSize(size);
            restart();
          }}
        />
      </nav>
    </div>
  );
}
