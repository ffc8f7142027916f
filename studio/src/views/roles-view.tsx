// Roles: each role's system prompt and tool allow-list (least privilege), searchable by text and
// category, in a sortable, filterable, paged table.
import { createColumnHelper } from '@tanstack/react-table';
import { useDeferredValue, useState } from 'react';
import type { RoleDescriptor } from '../api/types';
import { useApi } from '../app/api-context';
import { useAsync } from '../app/use-async';
import { CategorySelect } from '../components/category-select';
import { DataTable } from '../components/data-table';
import { ErrorMessage } from '../components/error-message';
import { TextField } from '../components/form-fields';
import { PageHeader } from '../components/page-header';
import { Spinner } from '../components/spinner';

const column = createColumnHelper<RoleDescriptor>();
const SHOWN_TOOLS = 3;

const ROLE_COLUMNS = [
  column.accessor('name', { header: 'Name', cell: (info) => <strong>{info.getValue()}</strong> }),
  column.accessor('category', { header: 'Category' }),
  column.accessor((role) => (role.tools === null ? 'every tool' : role.tools.join(', ') || 'no tools'), {
    id: 'tools',
    header: 'Allowed tools',
    // Sorting by tools means: by how many a role may use (every tool counts as the most).
    sortingFn: (left, right) => toolCount(left.original) - toolCount(right.original),
    cell: ({ row }) => {
      const tools = row.original.tools;
      if (tools === null) return <span className="muted">every tool</span>;
      if (tools.length === 0) return <span className="muted">no tools</span>;
      // A few chips keep rows short; the full list is one click away.
      const shown = tools.slice(0, SHOWN_TOOLS);
      const chips = (list: string[]) =>
        list.map((tool) => (
          <code key={tool} className="chip">
            {tool}
          </code>
        ));
      if (tools.length <= SHOWN_TOOLS) return chips(shown);
      return (
        <details>
          <summary className="chips-summary">
            {chips(shown)} +{tools.length - SHOWN_TOOLS} more
            <span className="visually-hidden"> tools of {row.original.name}</span>
          </summary>
          {chips(tools.slice(SHOWN_TOOLS))}
        </details>
      );
    },
  }),
  column.accessor('description', { header: 'Description', meta: { className: 'wrap' } }),
  column.accessor('system_prompt', {
    header: 'System prompt',
    enableSorting: false,
    cell: ({ row }) => (
      <details>
        <summary>
          Show<span className="visually-hidden"> the system prompt of {row.original.name}</span>
        </summary>
        <p className="prompt">{row.original.system_prompt}</p>
      </details>
    ),
  }),
];

function toolCount(role: RoleDescriptor): number {
  return role.tools === null ? Number.MAX_SAFE_INTEGER : role.tools.length;
}

export function RolesView() {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const deferredQuery = useDeferredValue(query.trim());
  const meta = useAsync(() => api.meta(), [api]);
  const roles = useAsync(() => api.listRoles(deferredQuery, category), [api, deferredQuery, category]);
  return (
    <div className="view">
      <PageHeader title="Roles">
        A role is a system prompt plus the tools it may use. Subtasks are routed to the best-matching role.
      </PageHeader>
      <div className="filters">
        <TextField label="Search roles" type="search" value={query} onChange={setQuery} />
        <CategorySelect value={category} categories={meta.data?.role_categories} onChange={setCategory} />
      </div>
      <ErrorMessage error={roles.error ?? meta.error} title="Could not load roles" />
      {roles.loading ? <Spinner label="Loading roles…" /> : null}
      <DataTable
        caption="Roles"
        data={roles.data ?? []}
        columns={ROLE_COLUMNS}
        filterLabel="Filter this list"
        filterPlaceholder="name, tool, description…"
        emptyText={roles.loading ? 'Loading…' : 'No roles match this search.'}
      />
    </div>
  );
}
