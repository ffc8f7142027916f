// Tools: search the registry with the same ranking workers use (q), filter by category, then sort,
// filter and page the table; each row opens its JSON Schema and links to the Tool Runner.
import { createColumnHelper } from '@tanstack/react-table';
import { useDeferredValue, useState } from 'react';
import type { ToolDescriptor } from '../api/types';
import { useApi } from '../app/api-context';
import { useAsync } from '../app/use-async';
import { CategorySelect } from '../components/category-select';
import { DataTable } from '../components/data-table';
import { ErrorMessage } from '../components/error-message';
import { TextField } from '../components/form-fields';
import { JsonView } from '../components/json-view';
import { NavLink } from '../components/nav-link';
import { PageHeader } from '../components/page-header';
import { Spinner } from '../components/spinner';

const column = createColumnHelper<ToolDescriptor>();

const TOOL_COLUMNS = [
  column.accessor('name', {
    header: 'Name',
    cell: (info) => <code>{info.getValue()}</code>,
  }),
  column.accessor('category', { header: 'Category' }),
  column.accessor('side_effecting', {
    header: 'Side effects',
    cell: (info) =>
      info.getValue() ? <span className="badge warn">side-effecting</span> : <span className="muted">read-only</span>,
  }),
  column.accessor('version', { header: 'Version' }),
  column.accessor((tool) => tool.tags.join(', '), { id: 'tags', header: 'Tags' }),
  column.accessor('description', { header: 'Description', meta: { className: 'wrap' } }),
  column.display({
    id: 'actions',
    header: () => <span className="visually-hidden">Schema and actions</span>,
    cell: ({ row }) => {
      const tool = row.original;
      return (
        <div className="cell-actions">
          <details>
            <summary>
              Schema<span className="visually-hidden"> of {tool.name}</span>
            </summary>
            <JsonView value={tool.json_schema} label={`JSON Schema of ${tool.name}`} />
          </details>
          {!tool.side_effecting ? (
            <NavLink to={`/tool-runner?tool=${encodeURIComponent(tool.name)}`}>
              Run<span className="visually-hidden"> {tool.name} in the Tool Runner</span>
            </NavLink>
          ) : null}
        </div>
      );
    },
  }),
];

export function ToolsView() {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const deferredQuery = useDeferredValue(query.trim());
  const meta = useAsync(() => api.meta(), [api]);
  const tools = useAsync(() => api.listTools(deferredQuery, category), [api, deferredQuery, category]);
  return (
    <div className="view">
      <PageHeader title="Tools">
        {meta.data ? `${meta.data.tool_count} tools registered.` : 'The tools workers can call.'} Search ranks them the
        way workers retrieve them for a subtask.
      </PageHeader>
      <div className="filters">
        <TextField label="Search tools" type="search" value={query} placeholder="e.g. arithmetic" onChange={setQuery} />
        <CategorySelect value={category} categories={meta.data?.tool_categories} onChange={setCategory} />
      </div>
      <ErrorMessage error={tools.error ?? meta.error} title="Could not load tools" />
      {tools.loading ? <Spinner label="Searching…" /> : null}
      <DataTable
        caption="Tools"
        data={tools.data ?? []}
        columns={TOOL_COLUMNS}
        filterLabel="Filter this list"
        filterPlaceholder="name, tag, description…"
        emptyText={tools.loading ? 'Loading…' : 'No tools match this search.'}
      />
    </div>
  );
}
