// A run stopped for a human: shows the tool call to approve (tool, arguments, subtask) with Approve/Deny,
// or a clarification question with an answer box. Calls back with the decision; the caller resumes.
import { type FormEvent, useId, useState } from 'react';
import type { PendingAction } from '../api/types';
import { JsonView } from './json-view';

export function ApprovalCard({
  action,
  busy,
  onDecide,
}: {
  action: PendingAction;
  busy: boolean;
  onDecide: (approved: boolean, answer: string | null) => void;
}) {
  const [answer, setAnswer] = useState('');
  const headingId = useId();
  const answerId = useId();

  if (action.type === 'clarification') {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      onDecide(true, answer);
    };
    return (
      <section className="card approval" aria-labelledby={headingId}>
        <h2 id={headingId}>The agent has a question</h2>
        <p className="question">{action.question}</p>
        <p className="muted small">Subtask: {action.subtask}</p>
        <form onSubmit={submit} className="inline-form">
          <div className="field grow">
            <label htmlFor={answerId}>Your answer</label>
            <input id={answerId} value={answer} onChange={(event) => setAnswer(event.target.value)} required />
          </div>
          <button type="submit" className="button primary" disabled={busy || !answer.trim()}>
            Send answer
          </button>
        </form>
      </section>
    );
  }

  if (action.type === 'client_tool_calls') {
    // Started over /v1 with the caller's own functions: only that caller can answer, with their results.
    return (
      <section className="card approval" aria-labelledby={headingId}>
        <h2 id={headingId}>Waiting for the caller's functions</h2>
        <p className="muted small">Subtask: {action.subtask}</p>
        <JsonView value={action.tool_calls} label="Client tool calls" />
      </section>
    );
  }

  return (
    <section className="card approval" aria-labelledby={headingId}>
      <h2 id={headingId}>Approve tool call?</h2>
      <dl className="facts">
        <div>
          <dt>Tool</dt>
          <dd>
            <code>{action.tool}</code>
          </dd>
        </div>
        <div>
          <dt>Subtask</dt>
          <dd>{action.subtask}</dd>
        </div>
      </dl>
      <JsonView value={action.arguments} label="Tool arguments" />
      <div className="button-row">
        <button type="button" className="button primary" disabled={busy} onClick={() => onDecide(true, null)}>
          Approve
        </button>
        <button type="button" className="button danger" disabled={busy} onClick={() => onDecide(false, null)}>
          Deny
        </button>
      </div>
    </section>
  );
}
