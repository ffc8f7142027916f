// The typed client for the riptide HTTP API: every request the Studio makes goes through here, and
// every failure comes back as an ApiError worded by the server.
import { ApiError, detailLines } from './api-error';
import { openEventStream, type StreamHandle } from './sse-stream';
import type {
  Connection,
  ConnectionTest,
  ConnectionUpdate,
  EvalReport,
  McpStatus,
  Meta,
  Monitoring,
  RoleDescriptor,
  RunEventsPage,
  RunLookup,
  RunOptions,
  RunOutcome,
  RunResult,
  RunStatus,
  RunSummary,
  Session,
  SessionSummary,
  StreamEvent,
  TenantCost,
  ToolDescriptor,
  Whoami,
  WorkflowRunFlags,
  WorkflowSpec,
} from './types';

type QueryValue = string | number | boolean | null | undefined;

/** Builds a query string, dropping empty values so server defaults apply. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Run options for the query string of the SSE run routes: JSON-valued options travel as JSON text. */
export function runOptionsQuery(options: RunOptions): Record<string, QueryValue> {
  const { sampling, final_schema, ...rest } = options;
  return {
    ...rest,
    sampling: sampling ? JSON.stringify(sampling) : undefined,
    final_schema: final_schema ? JSON.stringify(final_schema) : undefined,
  };
}

const segment = (value: string) => encodeURIComponent(value);

/** Who the Studio acts as when the server asks for API keys. */
export interface ApiCredentials {
  /** The API key sent as `Authorization: Bearer`, or null. */
  key(): string | null;
  /** The tenant of a tenant key: requests naming a tenant name this one (a tenant key may act for no other). */
  tenant(): string | null;
  /** Called when the server refuses the key (401): the Studio asks for one again. */
  onUnauthorized(): void;
}

const NO_CREDENTIALS: ApiCredentials = { key: () => null, tenant: () => null, onUnauthorized: () => {} };

/** Rewrites `tenant_id` in a body or path query to the key's own tenant. */
function scopeToTenant(path: string, body: unknown, tenant: string | null): { path: string; body: unknown } {
  if (tenant === null) return { path, body };
  const url = new URL(path, 'http://studio.invalid');
  if (url.searchParams.has('tenant_id')) url.searchParams.set('tenant_id', tenant);
  const scopedBody =
    body && typeof body === 'object' && !Array.isArray(body) && 'tenant_id' in body
      ? { ...body, tenant_id: tenant }
      : body;
  return { path: `${url.pathname}${url.search}`, body: scopedBody };
}

export function createApiClient(baseUrl = '', credentials: ApiCredentials = NO_CREDENTIALS) {
  const authorization = (): Record<string, string> => {
    const key = credentials.key();
    return key ? { authorization: `Bearer ${key}` } : {};
  };

  async function request<T>(method: string, rawPath: string, rawBody?: unknown): Promise<T> {
    const { path, body } = scopeToTenant(rawPath, rawBody, credentials.tenant());
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' }),
        ...authorization(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) credentials.onUnauthorized();
    const text = await response.text();
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (!response.ok) {
      const record = (parsed && typeof parsed === 'object' ? parsed : {}) as { detail?: unknown; code?: string };
      const lines = detailLines(record.detail ?? (typeof parsed === 'string' ? parsed : undefined));
      throw new ApiError(
        response.status,
        record.code ?? 'http_error',
        lines.length ? lines : [`${response.status} ${response.statusText}`],
      );
    }
    return parsed as T;
  }

  const stream = (rawPath: string, onEvent: (event: StreamEvent) => void): StreamHandle => {
    const { path } = scopeToTenant(rawPath, undefined, credentials.tenant());
    return openEventStream(`${baseUrl}${path}`, onEvent, authorization());
  };

  return {
    meta: () => request<Meta>('GET', '/api/meta'),
    whoami: () => request<Whoami>('GET', '/api/whoami'),

    // Runs
    run: (options: RunOptions) => request<RunResult>('POST', '/run', options),
    runInteractive: (options: RunOptions) => request<RunOutcome>('POST', '/api/run/interactive', options),
    resume: (threadId: string, approved: boolean, answer: string | null) =>
      request<RunOutcome>('POST', `/api/run/${segment(threadId)}/resume`, { approved, answer }),
    streamRunTrace: (options: RunOptions, onEvent: (event: StreamEvent) => void) =>
      stream(`/api/run/trace${queryString(runOptionsQuery(options))}`, onEvent),
    /** `cursor`: the thread id of the last run of the previous page (server-side pagination). */
    listRuns: (filter: { tenant_id?: string; status?: RunStatus | ''; limit?: number; cursor?: string }) =>
      request<RunSummary[]>('GET', `/api/runs${queryString(filter)}`),
    getRun: (threadId: string) => request<RunLookup>('GET', `/api/runs/${segment(threadId)}`),
    runEvents: (threadId: string, after = -1) =>
      request<RunEventsPage>('GET', `/api/runs/${segment(threadId)}/events${queryString({ after })}`),

    // Sessions and chat
    listSessions: () => request<SessionSummary[]>('GET', '/api/sessions'),
    getSession: (sessionId: string) => request<Session>('GET', `/sessions/${segment(sessionId)}`),
    clearSession: (sessionId: string) =>
      request<{ status: string; session_id: string }>('DELETE', `/sessions/${segment(sessionId)}`),
    streamSessionMessage: (sessionId: string, options: RunOptions, onEvent: (event: StreamEvent) => void) =>
      stream(`/api/sessions/${segment(sessionId)}/messages/stream${queryString(runOptionsQuery(options))}`, onEvent),
    streamChat: (
      params: { message: string; session_id: string; tenant_id?: string; offline?: boolean } & Record<
        string,
        QueryValue
      >,
      onEvent: (event: StreamEvent) => void,
    ) => stream(`/api/chat/stream${queryString(params)}`, onEvent),

    // Catalog
    listTools: (q = '', category = '') => request<ToolDescriptor[]>('GET', `/api/tools${queryString({ q, category })}`),
    listRoles: (q = '', category = '') => request<RoleDescriptor[]>('GET', `/api/roles${queryString({ q, category })}`),
    invokeTool: (name: string, args: Record<string, unknown>) =>
      request<{ name: string; result: unknown }>('POST', `/api/tools/${segment(name)}/invoke`, { arguments: args }),

    // Insights
    runEval: () => request<EvalReport>('POST', '/api/eval', { offline: true }),
    costs: () => request<Record<string, TenantCost>>('GET', '/api/costs'),
    monitoring: () => request<Monitoring>('GET', '/api/monitoring'),

    // System
    connection: () => request<Connection>('GET', '/api/connection'),
    saveConnection: (update: ConnectionUpdate) => request<Connection>('POST', '/api/connection', update),
    testConnection: () => request<ConnectionTest>('POST', '/api/connection/test', {}),
    mcpStatus: () => request<McpStatus>('GET', '/api/mcp'),
    mcpConnect: (name: string) => request<{ name: string; tools: unknown[] }>('POST', '/api/mcp/connect', { name }),
    mcpDisconnect: (name: string) => request<McpStatus>('POST', '/api/mcp/disconnect', { name }),

    // Workflows
    listWorkflows: () => request<string[]>('GET', '/api/workflows'),
    getWorkflow: (name: string) => request<WorkflowSpec>('GET', `/api/workflows/${segment(name)}`),
    saveWorkflow: (spec: WorkflowSpec) => request<WorkflowSpec>('POST', '/api/workflows', spec),
    deleteWorkflow: (name: string) =>
      request<{ status: string; name: string }>('DELETE', `/api/workflows/${segment(name)}`),
    streamWorkflowRun: (spec: WorkflowSpec, flags: WorkflowRunFlags, onEvent: (event: StreamEvent) => void) =>
      stream(`/api/workflows/run/stream${queryString({ spec: JSON.stringify(spec), ...flags })}`, onEvent),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
