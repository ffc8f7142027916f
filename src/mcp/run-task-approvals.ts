// How `run_task` over MCP gets a human's say: the run goes interactive, and each stop (a
// side-effecting tool, a clarification) is put to the MCP client's user through elicitation when the
// client supports it. A client that cannot be asked gets its side effects denied — never run
// unapproved — and is told so in the result; `riptide mcp --auto-approve` opts out knowingly.
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { RunService } from '../core/run-service.js';
import type { RunOptionsInput } from '../spec/run-options.js';
import type { PendingAction, RunOutcome, RunResult } from '../spec/run-result.js';

/** What happened at each stop of the run, for the caller's result. */
export interface ApprovalRecord {
  tool: string | null;
  question: string | null;
  decision: 'approved' | 'denied' | 'answered';
  /** `client` when the MCP client's user decided, `policy` when riptide did (no elicitation). */
  by: 'client' | 'policy';
}

/** The answer to a clarification nobody can give (the same as POST /run gives). */
const DEFAULT_ANSWER = 'proceed on your best assumption';
/** Stops one run may make before riptide stops asking (each is a human decision). */
const MAX_STOPS = 25;

type Ask = (action: PendingAction, signal: AbortSignal) => Promise<{ approved: boolean; answer: string | null }>;

function describeArguments(args: unknown): string {
  const text = JSON.stringify(args);
  return text.length > 1_500 ? `${text.slice(0, 1_500)}…` : text;
}

/** Asks the client's user through MCP elicitation. */
function elicitingAsk(server: Server): Ask {
  return async (action, signal) => {
    if (action.type === 'tool_approval') {
      const reply = await server.elicitInput(
        {
          message: `riptide wants to run the side-effecting tool "${action.tool}" with ${describeArguments(action.arguments)} (subtask: ${action.subtask}). Allow it?`,
          requestedSchema: {
            type: 'object',
            properties: {
              approve: { type: 'boolean', title: 'Allow', description: `Run ${action.tool} once with these arguments` },
            },
            required: ['approve'],
          },
        },
        { signal },
      );
      return { approved: reply.action === 'accept' && reply.content?.approve === true, answer: null };
    }
    // Only the OpenAI surface declares client tools; an MCP run never waits on them.
    if (action.type === 'client_tool_calls') return { approved: true, answer: null };
    const reply = await server.elicitInput(
      {
        message: `riptide asks: ${action.question} (subtask: ${action.subtask})`,
        requestedSchema: {
          type: 'object',
          properties: { answer: { type: 'string', title: 'Answer', description: 'Your answer to the question' } },
          required: ['answer'],
        },
      },
      { signal },
    );
    const answer = reply.action === 'accept' && typeof reply.content?.answer === 'string' ? reply.content.answer : '';
    return { approved: true, answer: answer.trim() || DEFAULT_ANSWER };
  };
}

/** Without elicitation nobody can approve: side effects are denied, clarifications get the default answer. */
const denyingAsk: Ask = async (action) =>
  action.type === 'tool_approval' ? { approved: false, answer: null } : { approved: true, answer: DEFAULT_ANSWER };

export interface ApprovedRun {
  result: RunResult;
  approvals: ApprovalRecord[];
}

/** Runs a task interactively, putting every stop to the client (or to the deny policy), until it finishes. */
export async function runWithApprovals(
  runs: Pick<RunService, 'runInteractive' | 'resume'>,
  server: Server,
  input: RunOptionsInput,
  signal: AbortSignal,
): Promise<ApprovedRun> {
  const canAsk = server.getClientCapabilities()?.elicitation !== undefined;
  const ask = canAsk ? elicitingAsk(server) : denyingAsk;
  const approvals: ApprovalRecord[] = [];
  let outcome: RunOutcome = await runs.runInteractive(input, { signal, interactive: true });
  while (outcome.status === 'pending_approval') {
    const { action, thread_id } = outcome;
    const decision =
      approvals.length >= MAX_STOPS ? { approved: false, answer: DEFAULT_ANSWER } : await ask(action, signal);
    approvals.push({
      tool: action.type === 'tool_approval' ? action.tool : null,
      question: action.type === 'clarification' ? action.question : null,
      decision: action.type === 'clarification' ? 'answered' : decision.approved ? 'approved' : 'denied',
      by: canAsk && approvals.length < MAX_STOPS ? 'client' : 'policy',
    });
    outcome = await runs.resume(thread_id, decision, { signal });
  }
  return { result: outcome, approvals };
}
