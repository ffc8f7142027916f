// The agent graph's state channels (LangGraph Annotation). Kept small on purpose: no transcripts
// beyond the one subtask in progress, so checkpoint serialisation stays cheap.
import { Annotation } from '@langchain/langgraph';
import type { ModelMessage } from 'ai';
import type { GuardViolation, SubtaskResult, SwarmDecision, TraceEntry } from '../spec/run-result.js';

/** One step of the plan: a subtask, its role and the ids of the subtasks whose outputs it needs. */
export interface PlannedSubtask {
  id: string;
  subtask: string;
  role: string;
  depends_on: string[];
  /** Appended by the supervisor to correct a failed result. */
  corrective?: boolean;
}

export interface IndexedVerdict {
  index: number;
  verdict: 'pass' | 'fail';
  reason: string;
}

/** A tool call the model made that has not been executed yet. */
export interface QueuedToolCall {
  toolCallId: string;
  toolName: string;
  /** Parsed arguments, or the raw JSON text when it did not parse. */
  rawArguments: unknown;
}

/**
 * The single-mode subtask that stopped for a human: its conversation so far and the calls still to
 * process. Cleared as soon as the subtask finishes.
 */
export interface ActiveSubtask {
  index: number;
  role: string;
  messages: ModelMessage[];
  steps: number;
  queue: QueuedToolCall[];
  result: SubtaskResult;
  lastObservations: string[];
  askedHuman: boolean;
  handedOff: boolean;
  /** What the human is asked about; set by the worker, consumed by human_approval / human_clarify. */
  waitingFor:
    | { type: 'tool_approval'; call: QueuedToolCall }
    | { type: 'clarification'; call: QueuedToolCall; question: string }
    | null;
}

export interface RunMetricsDelta {
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
  model_calls: number;
  unknown_tool: number;
  bad_json: number;
  schema_violation: number;
}

export function zeroMetrics(): RunMetricsDelta {
  return {
    prompt_tokens: 0,
    completion_tokens: 0,
    cost_usd: 0,
    model_calls: 0,
    unknown_tool: 0,
    bad_json: 0,
    schema_violation: 0,
  };
}

export function addMetrics(a: RunMetricsDelta, b: RunMetricsDelta | undefined): RunMetricsDelta {
  if (!b) return a;
  return {
    prompt_tokens: a.prompt_tokens + b.prompt_tokens,
    completion_tokens: a.completion_tokens + b.completion_tokens,
    cost_usd: a.cost_usd + b.cost_usd,
    model_calls: a.model_calls + b.model_calls,
    unknown_tool: a.unknown_tool + b.unknown_tool,
    bad_json: a.bad_json + b.bad_json,
    schema_violation: a.schema_violation + b.schema_violation,
  };
}

const last = <T>(initial: () => T) => Annotation<T>({ reducer: (_previous, next) => next, default: initial });

export const AgentState = Annotation.Root({
  /** The task as the models see it (after input redaction). */
  task: Annotation<string>,
  /** Prior turns rendered for the Conversation section (bounded, redacted). */
  conversation: last<string>(() => ''),
  blocked: last<boolean>(() => false),
  guard_violations: last<GuardViolation[]>(() => []),
  guard_violations_out: last<GuardViolation[]>(() => []),
  recalled_lessons: last<string[]>(() => []),
  plan: last<PlannedSubtask[]>(() => []),
  mode: last<'single' | 'swarm' | 'blocked'>(() => 'single'),
  swarm_decision: last<SwarmDecision>(() => ({ mode: 'single', reason: 'not composed yet' })),
  /** results[i] belongs to plan[i]. */
  results: last<SubtaskResult[]>(() => []),
  /** Next plan index the single-mode worker starts. */
  cursor: last<number>(() => 0),
  active: last<ActiveSubtask | null>(() => null),
  verdicts: last<IndexedVerdict[]>(() => []),
  supervisor_rounds: last<number>(() => 0),
  /** First plan index of the latest supervisor round (0 before any): whose failures are still open. */
  round_start: last<number>(() => 0),
  clarifications: last<Record<string, string>>(() => ({})),
  final_answer: last<string>(() => ''),
  structured: last<unknown>(() => null),
  stored_lessons: last<string[]>(() => []),
  metrics: Annotation<RunMetricsDelta>({ reducer: addMetrics, default: zeroMetrics }),
  trace: Annotation<TraceEntry[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
});

export type AgentStateValue = typeof AgentState.State;
export type AgentStateUpdate = typeof AgentState.Update;
