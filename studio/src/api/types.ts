// Wire types of the riptide HTTP API as the Studio reads them: type-only imports of the server's
// spec module (erased by the build), so the Studio can never drift from what the API returns.
import type { RunOptionsInput } from '../../../src/spec/run-options.js';
import type { PendingRun } from '../../../src/spec/run-result.js';
import type { WorkflowRunFlags as ParsedWorkflowRunFlags } from '../../../src/spec/workflow-run-request.js';

export type { Whoami } from '../../../src/spec/api-key.js';
export type {
  ConnectionTestResult as ConnectionTest,
  ConnectionUpdate,
  ConnectionView as Connection,
} from '../../../src/spec/connection.js';
export type { EvalReport, EvalTaskResult as EvalResultRow } from '../../../src/spec/eval-report.js';
export type { MonitoringAggregates as Monitoring, TenantCostReport as TenantCost } from '../../../src/spec/insights.js';
export type { McpServerStatus as McpServer, McpStatus } from '../../../src/spec/mcp-status.js';
export type { Meta } from '../../../src/spec/meta.js';
export type { RoleDescriptor } from '../../../src/spec/role-descriptor.js';

import type { RunEvent } from '../../../src/spec/run-events.js';

export type { ModelCallEvent, RunEvent, StepEvent, ToolCallEvent } from '../../../src/spec/run-events.js';
export type { Sampling } from '../../../src/spec/run-options.js';
export type {
  GuardViolation,
  PendingAction,
  PendingRun,
  RunLookup,
  RunMetrics,
  RunOutcome,
  RunResult,
  SubtaskResult,
  SwarmDecision,
  ToolCallRecord,
  TraceEntry,
  Verdict,
} from '../../../src/spec/run-result.js';
export type {
  RunStatus,
  RunSummary,
  Session,
  SessionSummary,
  SessionTurn,
  StoredUsageRecord as UsageRow,
} from '../../../src/spec/store-records.js';
export type { StreamFrame as StreamEvent } from '../../../src/spec/stream-frames.js';
export type { ToolDescriptor } from '../../../src/spec/tool-descriptor.js';
export type { WorkflowSpec } from '../../../src/spec/workflow-spec.js';

/** GET /api/runs/{thread_id}/events: the run's recorded events, in order. */
export interface RunEventsPage {
  thread_id: string;
  events: { seq: number; event: RunEvent }[];
}

/** Run options as a request body: only `task` is required. */
export type RunOptions = RunOptionsInput;

/** The workflow run flags a request may set (the server fills in the rest). */
export type WorkflowRunFlags = Partial<ParsedWorkflowRunFlags>;

export function isPendingRun(outcome: { status: string }): outcome is PendingRun {
  return outcome.status === 'pending_approval';
}

/** A JSON Schema node as the Tool Runner's form generator walks it. */
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
