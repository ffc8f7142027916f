// Sample records for store tests (the conformance suite, concurrency and budget tests): valid
// runs, results, usage records, and a clock that advances one millisecond per reading.
import { RUN_OPTION_DEFAULTS, type RunOptions } from '../spec/run-options.js';
import type { RunResult } from '../spec/run-result.js';
import type { NewRunRecord, UsageRecord } from '../store/store.js';

export const sampleOptions = (task: string, tenant = 'acme'): RunOptions => ({
  ...RUN_OPTION_DEFAULTS,
  task,
  tenant_id: tenant,
  offline: true,
});

/** The owner name sample runs are created with. */
export const SAMPLE_OWNER = 'process-a';

/** A lease far in the future (a live owner). */
export const LIVE_LEASE = '2999-01-01T00:00:00.000Z';

export function sampleRun(threadId: string, tenant = 'acme'): NewRunRecord {
  return {
    thread_id: threadId,
    tenant_id: tenant,
    task: `task of ${threadId}`,
    options: sampleOptions(`task of ${threadId}`, tenant),
    interactive: true,
    history: [
      { role: 'user', content: 'earlier question' },
      { role: 'assistant', content: 'earlier answer' },
    ],
    status: 'running',
    session_id: 'session-1',
    workflow_name: null,
    owner: SAMPLE_OWNER,
    lease_expires_at: LIVE_LEASE,
  };
}

/** A background run waiting in the queue (no owner, no lease). */
export function queuedRun(threadId: string, tenant = 'acme'): NewRunRecord {
  return {
    ...sampleRun(threadId, tenant),
    interactive: false,
    session_id: null,
    status: 'queued',
    owner: null,
    lease_expires_at: null,
    background: true,
    webhook: 'https://hooks.example.com/riptide',
  };
}

export function sampleResult(threadId: string, mode: RunResult['mode'] = 'single'): RunResult {
  return {
    status: 'completed',
    thread_id: threadId,
    tenant_id: 'acme',
    final_answer: '42',
    blocked: mode === 'blocked',
    success: mode !== 'blocked',
    mode,
    recalled_lessons: [],
    stored_lessons: [],
    tool_calls_total: 1,
    tool_calls_valid: 1,
    structured: { answer: 42 },
    plan: ['compute'],
    roles: ['analyst'],
    results: [{ subtask: 'compute', role: 'analyst', output: '42', tool_calls: [] }],
    verdicts: [],
    swarm_decision: { mode: 'single', reason: 'one step' },
    metrics: {
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
      cost_usd: 0,
      latency_ms: 5,
      model_calls: 1,
      failures: { unknown_tool: 0, bad_json: 0, schema_violation: 0 },
    },
    guard_violations: [],
    guard_violations_out: [],
    clarifications: {},
    trace: [],
  };
}

export function sampleUsage(overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    thread_id: 't',
    tenant_id: 'acme',
    task: 'task',
    mode: 'single',
    prompt_tokens: 10,
    completion_tokens: 5,
    total_tokens: 15,
    cost_usd: 0.01,
    latency_ms: 100,
    success: true,
    blocked: false,
    tool_calls_total: 2,
    tool_calls_valid: 1,
    subtask_count: 1,
    ...overrides,
  };
}

/** A clock that advances one millisecond per reading, so orderings by timestamp are deterministic. */
export function steppingClock(start = Date.parse('2026-03-10T12:00:00.000Z')): () => Date {
  let tick = 0;
  return () => new Date(start + tick++);
}
