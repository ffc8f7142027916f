// Tools: search the registry with the same ranking workers use (q), filter by category, view each schema.
import { useDeferredValue, useState } from 'react';
import { useApi } from '../app/api-context';
import { useAsync } from '../app/use-async';
import { ErrorMessage } from '../components/error-message';
import { SelectField, TextField } from '../components/form-fields';
import { JsonView } from '../components/json-view';
import { NavLink } from '../components/nav-link';
import { PageHeader } from '../components/page-header';
import { Spinner } from '../components/spinner';

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
        <SelectField label="Category" value={category} onChange={setCategory}>
          <option value="">all categories</option>
          {(meta.data?.tool_categories ?? []).map((item) => (
            <option key={item} value={item}>
              {item}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorMessage error={tools.error ?? meta.error} title="Could not load tools" />
      {tools.loading ? <Spinner label="Searching…" /> : null}
      <p className="muted small" aria-live="polite">
        {tools.data ? `${tools.data.length} shown` : ''}
      </p>
      <ul className="card-list">
        {(tools.data ?? []).map((tool) => (
          <li key={`${tool.name}@${tool.version}`} className="card">
            <h2 className="card-title">
              <code>{tool.name}</code> <span className="muted small">v{tool.version}</span>{' '}
              <span className="badge">{tool.category}</span>
              {tool.side_effecting ? <span className="badge warn">side-effecting</span> : null}
            </h2>
            <p>{tool.description}</p>
            {tool.tags.length ? <p className="muted small">tags: {tool.tags.join(', ')}</p> : null}
            <details>
              <summary>
                JSON Schema<span className="visually-hidden"> of {tool.name}</span>
              </summary>
              <JsonView value={tool.json_schema} label={`JSON Schema of ${tool.name}`} />
            </details>
            {!tool.side_effecting ? (
              <NavLink to={`/tool-runner?tool=${encodeURIComponent(tool.name)}`}>
                Run {tool.name} in the Tool Runner
              </NavLink>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
