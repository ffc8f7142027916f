// MCP Servers: the allowlisted servers with connect/disconnect and their tools; when the connect gate is
// off, explains how to turn it on.
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../app/api-context';
import { useAsync } from '../app/use-async';
import { ErrorMessage } from '../components/error-message';
import { PageHeader } from '../components/page-header';
import { Spinner } from '../components/spinner';

function GateHelp() {
  return (
    <section className="alert info" aria-label="How to enable MCP">
      <strong>Connecting MCP servers is turned off.</strong>
      <p>
        Start the server with <code>RIPTIDE_ENABLE_MCP_CONNECT=1</code> and list the servers the Studio may launch in{' '}
        <code>RIPTIDE_MCP_SERVERS</code> (a JSON array), for example:
      </p>
      <pre className="json">
        {`RIPTIDE_ENABLE_MCP_CONNECT=1 \\
RIPTIDE_MCP_SERVERS='[{"name":"everything","command":"npx","args":["@modelcontextprotocol/server-everything"]}]' \\
riptide serve`}
      </pre>
      <p className="small">Only allowlisted commands can ever be launched; the browser cannot add new ones.</p>
    </section>
  );
}

export function McpView() {
  const api = useApi();
  const status = useAsync(() => api.mcpStatus(), [api]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const gateClosed = status.data?.enabled === false || (error instanceof ApiError && error.status === 403);

  const act = async (name: string, connect: boolean) => {
    setBusy(name);
    setError(null);
    try {
      if (connect) await api.mcpConnect(name);
      else await api.mcpDisconnect(name);
      status.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const servers = status.data?.servers ?? [];
  return (
    <div className="view">
      <PageHeader title="MCP Servers">
        Model Context Protocol servers from the allowlist. Their tools join the registry while connected.
      </PageHeader>
      <ErrorMessage error={status.error} title="Could not load MCP status" />
      {status.loading && !status.data ? <Spinner label="Loading…" /> : null}
      {gateClosed ? <GateHelp /> : null}
      <ErrorMessage error={error} title="MCP request failed" />
      {status.data && servers.length === 0 ? (
        <p className="card muted">
          No servers are allowlisted. Add them to <code>RIPTIDE_MCP_SERVERS</code>.
        </p>
      ) : null}
      <ul className="card-list">
        {servers.map((server) => (
          <li key={server.name} className="card">
            <h2 className="card-title">
              {server.name}{' '}
              <span className={`badge ${server.connected ? 'ok' : ''}`}>
                {server.connected ? 'connected' : 'disconnected'}
              </span>
            </h2>
            {server.description ? <p>{server.description}</p> : null}
            <p className="muted small">
              command: <code>{server.command}</code>
              {server.prefix ? (
                <>
                  {' '}
                  · tool prefix <code>{server.prefix}</code>
                </>
              ) : null}
            </p>
            <div className="button-row">
              {server.connected ? (
                <button
                  type="button"
                  className="button"
                  disabled={busy !== null}
                  onClick={() => void act(server.name, false)}
                >
                  Disconnect<span className="visually-hidden"> {server.name}</span>
                </button>
              ) : (
                <button
                  type="button"
                  className="button primary"
                  disabled={busy !== null}
                  onClick={() => void act(server.name, true)}
                >
                  Connect<span className="visually-hidden"> {server.name}</span>
                </button>
              )}
              {busy === server.name ? <Spinner label="Working…" /> : null}
            </div>
            {server.tools.length ? (
              <>
                <h3 className="small-heading">Tools ({server.tools.length})</h3>
                <ul className="plain-list small">
                  {server.tools.map((tool) => (
                    <li key={tool}>
                      <code>{tool}</code>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
