// Roles: each role's system prompt and tool allow-list (least privilege), searchable by text and category.
import { useDeferredValue, useState } from 'react';
import { useApi } from '../app/api-context';
import { useAsync } from '../app/use-async';
import { ErrorMessage } from '../components/error-message';
import { SelectField, TextField } from '../components/form-fields';
import { PageHeader } from '../components/page-header';
import { Spinner } from '../components/spinner';

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
        <SelectField label="Category" value={category} onChange={setCategory}>
          <option value="">all categories</option>
          {(meta.data?.role_categories ?? []).map((item) => (
            <option key={item} value={item}>
              {item}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorMessage error={roles.error ?? meta.error} title="Could not load roles" />
      {roles.loading ? <Spinner label="Loading roles…" /> : null}
      <p className="muted small" aria-live="polite">
        {roles.data ? `${roles.data.length} shown` : ''}
      </p>
      <ul className="card-list">
        {(roles.data ?? []).map((role) => (
          <li key={role.name} className="card">
            <h2 className="card-title">
              {role.name} <span className="badge">{role.category}</span>
            </h2>
            <p>{role.description}</p>
            <h3 className="small-heading">Allowed tools</h3>
            <p>
              {role.tools === null ? (
                <span className="muted">every tool</span>
              ) : role.tools.length === 0 ? (
                <span className="muted">no tools</span>
              ) : (
                role.tools.map((tool) => (
                  <code key={tool} className="chip">
                    {tool}
                  </code>
                ))
              )}
            </p>
            <details>
              <summary>
                System prompt<span className="visually-hidden"> of {role.name}</span>
              </summary>
              <p className="prompt">{role.system_prompt}</p>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
