// The session list beside the chat: switch between persisted sessions, start a new one, clear the current one.
import type { SessionSummary } from '../api/types';
import { formatDate } from '../components/format';

export function ChatSessionList({
  sessions,
  current,
  onSelect,
  onNew,
  onClear,
  busy,
}: {
  sessions: SessionSummary[];
  current: string;
  onSelect: (sessionId: string) => void;
  onNew: () => void;
  onClear: () => void;
  busy: boolean;
}) {
  const listed = sessions.some((session) => session.session_id === current)
    ? sessions
    : [{ session_id: current, turns: 0, last_task: '(new session)', updated_at: '' }, ...sessions];
  return (
    <aside className="session-list" aria-label="Sessions">
      <div className="button-row">
        <button type="button" className="button small" onClick={onNew} disabled={busy}>
          New session
        </button>
        <button type="button" className="button small danger" onClick={onClear} disabled={busy}>
          Clear session
        </button>
      </div>
      <h2 className="small-heading">Sessions</h2>
      <ul>
        {listed.map((session) => (
          <li key={session.session_id}>
            <button
              type="button"
              className="session-item"
              aria-current={session.session_id === current ? 'true' : undefined}
              onClick={() => onSelect(session.session_id)}
              disabled={busy}
            >
              <span className="session-name">{session.session_id}</span>
              <span className="session-meta">
                {session.turns === 1 ? '1 turn' : `${session.turns} turns`}
                {session.updated_at ? ` · ${formatDate(session.updated_at)}` : ''}
              </span>
              <span className="session-last">{session.last_task}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
