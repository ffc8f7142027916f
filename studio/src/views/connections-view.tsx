// Connections: choose the provider, model and base URL, enter an API key (never shown back — only its
// mask), and test the connection with its latency.
import { type FormEvent, useEffect, useState } from 'react';
import type { ConnectionTest, ConnectionUpdate } from '../api/types';
import { useApi } from '../app/api-context';
import { useAsync } from '../app/use-async';
import { ErrorMessage } from '../components/error-message';
import { SelectField, TextField } from '../components/form-fields';
import { formatMs } from '../components/format';
import { PageHeader } from '../components/page-header';
import { Spinner } from '../components/spinner';

const PROVIDERS: ConnectionUpdate['provider'][] = ['offline', 'openai', 'anthropic', 'custom'];

export function ConnectionsView() {
  const api = useApi();
  const connection = useAsync(() => api.connection(), [api]);
  const [provider, setProvider] = useState<ConnectionUpdate['provider']>('offline');
  const [model, setModel] = useState('');
  const [apiBase, setApiBase] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [test, setTest] = useState<ConnectionTest | null>(null);

  useEffect(() => {
    const current = connection.data;
    if (!current) return;
    if (PROVIDERS.includes(current.provider as ConnectionUpdate['provider']))
      setProvider(current.provider as ConnectionUpdate['provider']);
    setModel(current.model ?? '');
    setApiBase(current.api_base ?? '');
  }, [connection.data]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(null);
    setSaved(false);
    setBusy('save');
    try {
      const update: ConnectionUpdate = { provider };
      if (model.trim()) update.model = model.trim();
      if (apiBase.trim()) update.api_base = apiBase.trim();
      // An empty key field keeps the key the server already holds.
      if (apiKey) update.api_key = apiKey;
      await api.saveConnection(update);
      setApiKey('');
      setSaved(true);
      connection.reload();
    } catch (caught) {
      setSaveError(caught);
    } finally {
      setBusy(null);
    }
  };

  const runTest = async () => {
    setSaveError(null);
    setTest(null);
    setBusy('test');
    try {
      setTest(await api.testConnection());
    } catch (caught) {
      setSaveError(caught);
    } finally {
      setBusy(null);
    }
  };

  const current = connection.data;
  return (
    <div className="view">
      <PageHeader title="Connections">
        Which model riptide talks to. Keys stay in the server's memory only: never written to disk, never shown back.
      </PageHeader>
      <ErrorMessage error={connection.error} title="Could not load the connection" />
      <div className="split">
        <form className="card" onSubmit={save} aria-label="Connection settings">
          <SelectField
            label="Provider"
            value={provider}
            onChange={(value) => setProvider(value as ConnectionUpdate['provider'])}
          >
            {PROVIDERS.map((item) => (
              <option key={item} value={item}>
                {item === 'custom' ? 'custom (OpenAI-compatible: Ollama, vLLM, LM Studio…)' : item}
              </option>
            ))}
          </SelectField>
          <TextField label="Model" value={model} onChange={setModel} placeholder="e.g. gpt-4o-mini" />
          <TextField
            label="Base URL"
            type="url"
            value={apiBase}
            onChange={setApiBase}
            placeholder={provider === 'custom' ? 'http://localhost:11434/v1 (required)' : 'provider default'}
          />
          <TextField
            label="API key"
            type="password"
            autoComplete="new-password"
            value={apiKey}
            onChange={setApiKey}
            placeholder={current?.key_set ? 'leave empty to keep the current key' : 'not set'}
          />
          <div className="button-row">
            <button type="submit" className="button primary" disabled={busy !== null}>
              Save connection
            </button>
            <button type="button" className="button" onClick={() => void runTest()} disabled={busy !== null}>
              Test connection
            </button>
          </div>
          {saved ? (
            <p className="alert ok" role="status">
              Saved. The key is held in memory only.
            </p>
          ) : null}
        </form>
        <div className="stack">
          <section className="card" aria-label="Current connection">
            <h2>Current connection</h2>
            {connection.loading && !current ? <Spinner label="Loading…" /> : null}
            {current ? (
              <dl className="facts">
                <div>
                  <dt>Provider</dt>
                  <dd>{current.provider}</dd>
                </div>
                <div>
                  <dt>Model</dt>
                  <dd>{current.model || '—'}</dd>
                </div>
                <div>
                  <dt>Base URL</dt>
                  <dd>{current.api_base || 'provider default'}</dd>
                </div>
                <div>
                  <dt>API key</dt>
                  <dd data-testid="key-mask">{current.key_set ? <code>{current.key_masked}</code> : 'not set'}</dd>
                </div>
                <div>
                  <dt>Configured</dt>
                  <dd>{current.configured ? 'yes' : 'no'}</dd>
                </div>
              </dl>
            ) : null}
          </section>
          {busy === 'test' ? <Spinner label="Pinging the model…" /> : null}
          <ErrorMessage error={saveError} title="The server refused" />
          {test ? (
            <section className={`alert ${test.ok ? 'ok' : 'error'}`} aria-label="Connection test" role="status">
              <strong>{test.ok ? 'Connected' : 'Connection failed'}</strong> — {test.model} in{' '}
              {formatMs(test.latency_ms)}
              {test.detail ? <p>{test.detail}</p> : null}
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
