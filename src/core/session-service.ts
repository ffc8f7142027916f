// Persistent sessions: a turn runs with the session's prior turns as conversation context (bounded
// here by a turn count, and by tokens inside the run service) and is appended when it completes;
// a direct chat turn is appended as a `chat` turn. Routes and commands call this, never the store.
import type { RunOptionsInput } from '../spec/run-options.js';
import type { RunResult } from '../spec/run-result.js';
import type { ConversationTurn, Session, SessionSummary } from '../spec/store-records.js';
import type { Store } from '../store/store.js';
import type { ChatEvent, ChatRequest, RunContext, RunEvent, RunService } from './run-service.js';

/** The most recent turns given as context; older ones fall to the token bound anyway. */
export const SESSION_HISTORY_TURNS = 20;

/** `tenantScope`: read only that tenant's turns of the session (a tenant key's view); null means all. */
export interface SessionContext extends Pick<RunContext, 'signal' | 'threadId'> {
  tenantScope?: string | null;
}

export interface SessionService {
  /** Runs one turn of the session (appended when the run completes). */
  run(sessionId: string, options: RunOptionsInput, context?: SessionContext): Promise<RunResult>;
  /** The same, streamed like RunService.streamRun. */
  stream(sessionId: string, options: RunOptionsInput, context?: SessionContext): AsyncIterable<RunEvent>;
  /** A direct chat turn with the session's history; appended as a `chat` turn when it finishes. */
  chat(
    sessionId: string | null,
    request: Omit<ChatRequest, 'history'>,
    tenantScope?: string | null,
  ): AsyncIterable<ChatEvent>;
  get(sessionId: string, tenantScope?: string | null): Promise<Session>;
  clear(sessionId: string, tenantScope?: string | null): Promise<void>;
  list(limit?: number, tenantScope?: string | null): Promise<SessionSummary[]>;
}

export function createSessionService(deps: { store: Store; runs: RunService }): SessionService {
  const { store, runs } = deps;

  async function history(sessionId: string | null, tenantScope?: string | null): Promise<ConversationTurn[]> {
    if (!sessionId) return [];
    const turns = await store.getSessionTurns(sessionId, SESSION_HISTORY_TURNS, tenantScope);
    return turns.flatMap((turn): ConversationTurn[] => [
      { role: 'user', content: turn.task },
      { role: 'assistant', content: turn.final_answer },
    ]);
  }

  async function* chat(
    sessionId: string | null,
    request: Omit<ChatRequest, 'history'>,
    tenantScope?: string | null,
  ): AsyncIterable<ChatEvent> {
    let answer = '';
    for await (const event of runs.streamChat({ ...request, history: await history(sessionId, tenantScope) })) {
      if (event.event === 'token') answer += event.text;
      else if (sessionId) {
        await store.appendSessionTurn(sessionId, request.tenant_id ?? 'default', {
          task: request.message,
          final_answer: answer,
          mode: 'chat',
          blocked: false,
          thread_id: request.threadId ?? `chat-${crypto.randomUUID()}`,
        });
      }
      yield event;
    }
  }

  return {
    async run(sessionId, options, context = {}) {
      const turns = await history(sessionId, context.tenantScope);
      return runs.runTask(options, { history: turns, sessionId, signal: context.signal });
    },
    async *stream(sessionId, options, context = {}) {
      const turns = await history(sessionId, context.tenantScope);
      yield* runs.streamRun(options, { history: turns, sessionId, signal: context.signal, threadId: context.threadId });
    },
    chat,
    async get(sessionId, tenantScope) {
      return { session_id: sessionId, turns: await store.getSessionTurns(sessionId, undefined, tenantScope) };
    },
    clear: (sessionId, tenantScope) => store.clearSession(sessionId, tenantScope),
    list: (limit, tenantScope) => store.listSessions(limit, tenantScope),
  };
}
