// The state of one run as it moves through the graph's nodes: small on purpose (no transcripts
// beyond the one subtask in progress), plain JSON, so checkpointing it at a pause is one cheap write.
import type { ModelMessage } from 'ai';
import type { GuardViolation, RunMode, SubtaskResult, SwarmDecision, TraceEntry } from '../spec/run-result.js';

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
  /** How many of the latest observations were errors (all of them: the subtask failed). */
  lastFailures: number;
  askedHuman: boolean;
  handedOff: boolean;
  /** What the human is asked about; set by the worker, consumed by human_approval / human_clarify. */
  waitingFor:
    | { type: 'tool_approval'; call: QueuedToolCall }
    | { type: 'clarification'; call: QueuedToolCall; question: string }
    | { type: 'client_tools'; calls: PendingClientCall[] }
    | null;
  /** How many times the caller answered client tool calls in this subtask (tool_choice applies before the first). */
  clientRounds?: number;
}

/** A client tool call the run waits on: the model's call and the id the caller sees. */
export interface PendingClientCall {
  id: string;
  call: QueuedToolCall;
}

/** What a run has spent and how many invalid tool calls it saw: one tally, in the RunResult's units. */
export interface RunTally {
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
  model_calls: number;
  unknown_tool: number;
  bad_json: number;
  schema_violation: number;
}

export function zeroTally(): RunTally {
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

export interface RunState {
  /** The task as the models see it (after input redaction). */
  task: string;
  /** Prior turns rendered for the Conversation section (bounded, redacted). */
  conversation: string;
  blocked: boolean;
  guard_violations: GuardViolation[];
  guard_violations_out: GuardViolation[];
  recalled_lessons: string[];
  plan: PlannedSubtask[];
  mode: RunMode;
  swarm_decision: SwarmDecision;
  /** results[i] belongs to plan[i]. */
  results: SubtaskResult[];
  /** Next plan index the single-mode worker starts. */
  cursor: number;
  active: ActiveSubtask | null;
  verdicts: IndexedVerdict[];
  supervisor_rounds: number;
  /** First plan index of the latest supervisor round (0 before any): whose failures are still open. */
  round_start: number;
  clarifications: Record<string, string>;
  final_answer: string;
  structured: unknown;
  stored_lessons: string[];
  /** Spend and invalid calls of the whole run, across resumes; the model caller adds to it as calls finish. */
  metrics: RunTally;
  /** Executed nodes, in order, across resumes. */
  trace: TraceEntry[];
}

/** What a node hands back: the fields it changed. */
export type RunStateUpdate = Partial<Omit<RunState, 'metrics' | 'trace'>>;

export function initialRunState(task: string, conversation: string): RunState {
  return {
    task,
    conversation,
    blocked: false,
    guard_violations: [],
    guard_violations_out: [],
    recalled_lessons: [],
    plan: [],
    mode: 'single',
    swarm_decision: { mode: 'single', reason: 'the run stopped before composing' },
    results: [],
    cursor: 0,
    active: null,
    verdicts: [],
    supervisor_rounds: 0,
    round_start: 0,
    clarifications: {},
    final_answer: '',
    structured: null,
    stored_lessons: [],
    metrics: zeroTally(),
    trace: [],
  };
}
