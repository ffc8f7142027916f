// Chat state and the three ways a message is answered: the graph over the session stream, a direct
// token stream, or an interactive run that may stop for approval or a clarification.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StreamHandle } from '../api/sse-stream';
import {
  isPendingRun,
  type PendingRun,
  type RunOutcome,
  type RunResult,
  type Sampling,
  type StreamEvent,
} from '../api/types';
import { useApi } from '../app/api-context';
import type { ChatMessage } from './chat-message';

export interface SendOptions {
  direct: boolean;
  askBeforeTools: boolean;
  sampling: Sampling | null;
}

/** How many of a session's latest replies get their run's result (tool calls, metrics) on load. */
const RESTORED_RESULTS = 20;

export function useChatConversation(sessionId: string, onTurnSaved: () => void) {
  const api = useApi();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [pending, setPending] = useState<PendingRun | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const streamRef = useRef<StreamHandle | null>(null);
  const counter = useRef(0);
  const nextId = useCallback(() => {
    counter.current += 1;
    return `m${counter.current}`;
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` changes exactly when the turns must be re-read.
  useEffect(() => {
    let current = true;
    setMessages([]);
    setPending(null);
    setError(null);
    api
      .getSession(sessionId)
      .then(async (session) => {
        if (!current) return;
        setMessages(
          session.turns.flatMap((turn, index) => [
            { id: `t${index}u`, role: 'user' as const, text: turn.task },
            {
              id: `t${index}a`,
              role: 'assistant' as const,
              text: turn.final_answer,
              mode: turn.mode,
              threadId: turn.mode === 'chat' ? undefined : turn.thread_id,
              via: turn.mode === 'chat' ? ('direct' as const) : ('graph' as const),
            },
          ]),
        );
        // Past replies show their work too: each run's result is looked up (direct chat turns have no run).
        const recent = session.turns.map((turn, index) => ({ turn, index })).slice(-RESTORED_RESULTS);
        const lookups = await Promise.all(
          recent.map(({ turn }) => (turn.mode === 'chat' ? null : api.getRun(turn.thread_id).catch(() => null))),
        );
        if (!current) return;
        const results = new Map<string, RunResult>();
        recent.forEach(({ index }, position) => {
          const lookup = lookups[position];
          if (lookup && (lookup.status === 'completed' || lookup.status === 'failed') && 'final_answer' in lookup)
            results.set(`t${index}a`, lookup);
        });
        setMessages((list) =>
          list.map((message) => {
            const result = results.get(message.id);
            return result ? { ...message, result } : message;
          }),
        );
      })
      .catch((caught: unknown) => current && setError(caught));
    return () => {
      current = false;
      streamRef.current?.close();
    };
  }, [api, sessionId, generation]);

  const update = useCallback((id: string, change: (message: ChatMessage) => ChatMessage) => {
    setMessages((list) => list.map((message) => (message.id === id ? change(message) : message)));
  }, []);

  const settleOutcome = useCallback(
    (replyId: string, outcome: RunOutcome) => {
      if (isPendingRun(outcome)) {
        setPending(outcome);
        update(replyId, (message) => ({
          ...message,
          working: false,
          text: 'Waiting for your decision…',
          pending: outcome,
        }));
        return;
      }
      setPending(null);
      // The approval card of the paused reply has done its job.
      setMessages((list) => list.map((message) => (message.pending ? { ...message, pending: undefined } : message)));
      update(replyId, (message) => ({
        ...message,
        working: false,
        text: outcome.final_answer,
        result: outcome,
      }));
    },
    [update],
  );

  const send = useCallback(
    async (text: string, options: SendOptions) => {
      setError(null);
      setBusy(true);
      const replyId = nextId();
      const via = options.askBeforeTools ? 'interactive' : options.direct ? 'direct' : 'graph';
      setMessages((list) => [
        ...list,
        { id: nextId(), role: 'user', text },
        { id: replyId, role: 'assistant', text: '', working: true, trace: [], via },
      ]);
      try {
        if (options.askBeforeTools) {
          settleOutcome(replyId, await api.runInteractive({ task: text, sampling: options.sampling }));
        } else if (options.direct) {
          const handle = api.streamChat(
            {
              message: text,
              session_id: sessionId,
              temperature: options.sampling?.temperature,
              top_p: options.sampling?.top_p,
              max_tokens: options.sampling?.max_tokens,
              seed: options.sampling?.seed,
            },
            (event: StreamEvent) => {
              if (event.event === 'token')
                update(replyId, (message) => ({ ...message, text: message.text + event.text }));
            },
          );
          streamRef.current = handle;
          await handle.finished;
          update(replyId, (message) => ({ ...message, working: false, mode: 'direct (one model call, no graph)' }));
          onTurnSaved();
        } else {
          const handle = api.streamSessionMessage(sessionId, { task: text, sampling: options.sampling }, (event) => {
            if (event.event === 'node') {
              update(replyId, (message) => ({
                ...message,
                trace: [...(message.trace ?? []), { node: event.name, duration_ms: event.duration_ms ?? 0 }],
              }));
            } else if (event.event === 'result') {
              settleOutcome(replyId, event.result);
            } else if (event.event === 'pending') {
              settleOutcome(replyId, { status: 'pending_approval', thread_id: event.thread_id, action: event.action });
            }
          });
          streamRef.current = handle;
          await handle.finished;
          onTurnSaved();
        }
      } catch (caught) {
        setError(caught);
        update(replyId, (message) => ({ ...message, working: false, text: message.text || '(no reply)' }));
      } finally {
        streamRef.current = null;
        setBusy(false);
      }
    },
    [api, sessionId, settleOutcome, update, onTurnSaved, nextId],
  );

  const decide = useCallback(
    async (approved: boolean, answer: string | null) => {
      if (!pending) return;
      setBusy(true);
      setError(null);
      const replyId = nextId();
      const decision =
        pending.action.type === 'clarification'
          ? `You answered: ${answer ?? ''}`
          : approved
            ? 'You approved the tool call.'
            : 'You denied the tool call.';
      setMessages((list) => [
        ...list.map((message) => (message.pending ? { ...message, pending: undefined, text: decision } : message)),
        { id: replyId, role: 'assistant', text: '', working: true, via: 'interactive' },
      ]);
      try {
        settleOutcome(replyId, await api.resume(pending.thread_id, approved, answer));
      } catch (caught) {
        setError(caught);
        update(replyId, (message) => ({ ...message, working: false, text: '(resume failed)' }));
      } finally {
        setBusy(false);
      }
    },
    [api, pending, settleOutcome, update, nextId],
  );

  /** Sends again the message a reply answered. */
  const retry = useCallback(
    (replyId: string, options: SendOptions) => {
      const index = messages.findIndex((message) => message.id === replyId);
      const asked = messages
        .slice(0, index)
        .reverse()
        .find((message) => message.role === 'user');
      if (asked) void send(asked.text, options);
    },
    [messages, send],
  );

  const reloadTurns = useCallback(() => setGeneration((value) => value + 1), []);
  return { messages, pending, busy, error, send, decide, retry, reloadTurns };
}
