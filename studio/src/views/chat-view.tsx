// Chat: multi-turn conversations in persisted sessions, with a live node trace, a direct token stream,
// approvals before side-effecting tools, sampling presets and per-reply details.
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Sampling } from '../api/types';
import { useApi } from '../app/api-context';
import { useRouter } from '../app/router-context';
import { useAsync } from '../app/use-async';
import { ErrorMessage } from '../components/error-message';
import { CheckboxField } from '../components/form-fields';
import { PageHeader } from '../components/page-header';
import { compactSampling, SamplingControls } from '../components/sampling-controls';
import { ChatMessageView } from './chat-message';
import { ChatSessionList } from './chat-session-list';
import { useChatConversation } from './use-chat-conversation';

const newSessionId = () => `chat-${Date.now().toString(36)}`;

export function ChatView() {
  const api = useApi();
  const router = useRouter();
  const sessionId = router.search.get('session') ?? 'default-chat';
  const sessions = useAsync(() => api.listSessions(), [api]);
  const { reload } = sessions;
  const conversation = useChatConversation(sessionId, reload);
  const [draft, setDraft] = useState('');
  const [direct, setDirect] = useState(false);
  const [askBeforeTools, setAskBeforeTools] = useState(false);
  const [sampling, setSampling] = useState<Sampling>({});
  const [clearError, setClearError] = useState<unknown>(null);
  const inputId = useId();
  const transcriptRef = useRef<HTMLDivElement>(null);
  const messageCount = conversation.messages.length;
  // A new message (or reply) scrolls into view, as in any chat.
  useEffect(() => {
    if (messageCount === 0) return;
    const transcript = transcriptRef.current;
    if (transcript) transcript.scrollTop = transcript.scrollHeight;
  }, [messageCount]);

  const selectSession = useCallback(
    (id: string) => router.navigate(`/chat?session=${encodeURIComponent(id)}`),
    [router],
  );

  const clearSession = async () => {
    setClearError(null);
    try {
      await api.clearSession(sessionId);
      reload();
      conversation.reloadTurns();
    } catch (caught) {
      setClearError(caught);
    }
  };

  const options = () => ({ direct, askBeforeTools, sampling: compactSampling(sampling) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || conversation.busy) return;
    setDraft('');
    void conversation.send(text, options());
  };

  return (
    <div className="chat-layout">
      <ChatSessionList
        sessions={sessions.data ?? []}
        current={sessionId}
        busy={conversation.busy}
        onSelect={selectSession}
        onNew={() => selectSession(newSessionId())}
        onClear={clearSession}
      />
      <div className="chat-main">
        <PageHeader title="Chat">
          Session <code>{sessionId}</code> — each message runs the agent graph with this session's prior turns as
          context.
        </PageHeader>
        <ErrorMessage error={sessions.error} title="Could not load sessions" />
        <ErrorMessage error={clearError} title="Could not clear the session" />
        <div className="transcript" role="log" aria-live="polite" aria-label="Conversation" ref={transcriptRef}>
          <ol className="transcript-list">
            {conversation.messages.length === 0 ? (
              <li className="muted empty">No messages yet. Try “compute 21 * 2”.</li>
            ) : null}
            {conversation.messages.map((message) => (
              <ChatMessageView
                key={message.id}
                message={message}
                actions={{
                  busy: conversation.busy,
                  onRetry: message.role === 'assistant' ? () => conversation.retry(message.id, options()) : undefined,
                  onDecide: (approved, answer) => void conversation.decide(approved, answer),
                }}
              />
            ))}
          </ol>
        </div>
        <ErrorMessage error={conversation.error} title="The run failed" />
        <form className="composer" onSubmit={submit}>
          <label htmlFor={inputId} className="visually-hidden">
            Message
          </label>
          <textarea
            id={inputId}
            rows={2}
            value={draft}
            placeholder="Ask riptide something…"
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) submit(event);
            }}
          />
          <button type="submit" className="button primary" disabled={conversation.busy || !draft.trim()}>
            Send
          </button>
        </form>
        <div className="chat-options">
          <CheckboxField
            label="Direct token stream"
            hint="one model call, no graph or tools"
            checked={direct}
            onChange={setDirect}
          />
          <CheckboxField
            label="Ask before running tools"
            hint="approve side-effecting tools and answer questions (these runs are kept in History, not in the session)"
            checked={askBeforeTools}
            onChange={setAskBeforeTools}
          />
          <details className="sampling-details">
            <summary>Sampling controls</summary>
            <SamplingControls value={sampling} onChange={setSampling} />
          </details>
        </div>
      </div>
    </div>
  );
}
