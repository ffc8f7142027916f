// Wire types of the riptide HTTP API as the Studio reads them (see shared/API.md).

export interface Sampling {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  seed?: number;
}

export interface RunOptions {
  task: string;
  tenant_id?: string;
  offline?: boolean;
  model?: string | null;
  memory?: boolean;
  guardrails?: boolean;
  single?: boolean;
  llm_composer?: boolean;
  critic?: boolean;
  supervisor?: boolean;
  react_steps?: number;
  vote_k?: number;
  final_schema?: Record<string, unknown> | null;
  sampling?: Sampling | null;
}

// Run results and pending answers are the server's own zod-derived types (type-only imports, erased
// by the build), so the Studio can never drift from what the API returns.
export type {
  GuardViolation,
  PendingAction,
  PendingRun,
  RunMetrics,
  RunOutcome,
  RunResult,
  SubtaskResult,
  SwarmDecision,
  ToolCallRecord,
  TraceEntry,
  Verdict,
} from '../../../src/core/run-result.js';
export type { RunStatus, RunSummary, SessionTurn } from '../../../src/store/store.js';

import type { PendingAction, PendingRun, RunResult } from '../../../src/core/run-result.js';
import type { SessionTurn } from '../../../src/store/store.js';

export function isPendingRun(outcome: { status: string }): outcome is PendingRun {
  return outcome.status === 'pending_approval';
}

/** GET /api/runs/{thread_id}: the result of a finished run, the pending answer, or still running. */
export type RunLookup = RunResult | PendingRun | { status: 'running'; thread_id: string };

export interface SessionSummary {
  session_id: string;
  turns: number;
  last_task: string;
  updated_at: string;
}

export interface Session {
  session_id: string;
  turns: SessionTurn[];
}

export type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  items?: JsonSchema;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  [key: string]: unknown;
};

export interface ToolDescriptor {
  name: string;
  version: string;
  description: string;
  side_effecting: boolean;
  category: string;
  tags: string[];
  json_schema: JsonSchema;
}

export interface RoleDescriptor {
  name: string;
  description: string;
  category: string;
  system_prompt: string;
  tools: string[] | null;
  tags: string[];
}

export interface Connection {
  provider: string;
  model: string;
  api_base: string | null;
  key_set: boolean;
  key_masked: string | null;
  configured: boolean;
}

export interface ConnectionUpdate {
  provider: 'offline' | 'openai' | 'anthropic' | 'custom';
  model?: string;
  api_key?: string;
  api_base?: string;
}

export interface ConnectionTest {
  ok: boolean;
  model: string;
  latency_ms: number;
  detail: string;
}

export interface Meta {
  version: string;
  defaults: Record<string, unknown>;
  models: string[];
  current_model: string;
  tool_count: number;
  role_count: number;
  role_names: string[];
  tool_categories: string[];
  role_categories: string[];
  connection: Partial<Connection>;
  mcp: { enabled: boolean; connected: string[] | number };
}

export interface McpServer {
  name: string;
  prefix: string;
  description: string;
  command: string;
  connected: boolean;
  tools: (string | { name: string; description?: string })[];
}

export interface McpStatus {
  enabled: boolean;
  servers: McpServer[];
}

export interface EvalResultRow {
  task_id: string;
  passed: boolean;
  mode: string;
  blocked: boolean;
  tool_valid_rate: number;
  notes: string | string[];
}

export interface EvalReport {
  results: EvalResultRow[];
  pass_rate: number;
  n_passed: number;
  n_total: number;
  modes: Record<string, number>;
  blocked: number;
  learning_recall: unknown;
}

export interface TenantCost {
  runs: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost_usd: number;
  blocked: number;
  budget_usd: number | null;
  remaining_usd: number | null;
}

export interface UsageRow {
  thread_id: string;
  tenant_id: string;
  task: string;
  mode: string;
  total_tokens: number;
  cost_usd: number;
  latency_ms: number;
  success: boolean;
  blocked: boolean;
  created_at: string;
}

export interface Monitoring {
  totals: {
    runs: number;
    blocked: number;
    success_rate: number;
    avg_latency_ms: number;
    p95_latency_ms: number;
    total_tokens: number;
    total_cost_usd: number;
    tool_valid_rate: number;
  };
  by_mode: Record<string, { runs: number; cost_usd: number }>;
  by_tenant: Record<string, { runs: number; cost_usd: number }>;
  daily: { date: string; runs: number; cost_usd: number; tokens: number }[];
  recent: UsageRow[];
}

export interface WorkflowNodeSpec {
  id: string;
  role: string;
  subtask: string;
  label?: string;
  x?: number;
  y?: number;
}

export interface WorkflowSpec {
  name: string;
  goal: string;
  mode: 'auto' | 'swarm' | 'single';
  nodes: WorkflowNodeSpec[];
  edges: { source: string; target: string }[];
}

export interface WorkflowRunFlags {
  tenant_id?: string;
  offline?: boolean;
  memory?: boolean;
  guardrails?: boolean;
  critic?: boolean;
  supervisor?: boolean;
}

/** A subtask started or finished (workflow stream); `step_id` is the workflow node's id, null for corrections. */
export interface StepEvent {
  event: 'step';
  step_id: string | null;
  index: number;
  subtask: string;
  role: string;
  status: 'started' | 'completed' | 'failed';
}

/** Events of the SSE routes, discriminated by `event`. */
export type StreamEvent =
  | { event: 'node'; name: string; duration_ms?: number; [key: string]: unknown }
  | { event: 'result'; result: RunResult | PendingRun }
  | StepEvent
  | { event: 'pending'; thread_id: string; action: PendingAction }
  | { event: 'token'; text: string }
  | { event: 'composition'; mode: string; blocked: boolean }
  | { event: 'final'; answer: string; result?: RunResult }
  | { event: 'done'; [key: string]: unknown }
  | { event: 'error'; detail: string | string[]; code?: string };
