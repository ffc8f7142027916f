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

export function createApiClient(baseUrl = '') {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
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

  const stream = (path: string, onEvent: (event: StreamEvent) => void): StreamHandle =>
    openEventStream(`${baseUrl}${path}`, onEvent);

  return {
    meta: () => request<Meta>('GET', '/api/meta'),

    // Runs
    run: (options: RunOptions) => request<RunResult>('POST', '/run', options),
    runInteractive: (options: RunOptions) => request<RunOutcome>('POST', '/api/run/interactive', options),
    resume: (threadId: string, approved: boolean, answer: string | null) =>
      request<RunOutcome>('POST', `/api/run/${segment(threadId)}/resume`, { approved, answer }),
    streamRunTrace: (options: RunOptions, onEvent: (event: StreamEvent) => void) =>
      stream(`/api/run/trace${queryString(runOptionsQuery(options))}`, onEvent),
    listRuns: (filter: { tenant_id?: string; status?: RunStatus | ''; limit?: number }) =>
      request<RunSummary[]>('GET', `/api/runs${queryString(filter)}`),
    getRun: (threadId: string) => request<RunLookup>('GET', `/api/runs/${segment(threadId)}`),

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
