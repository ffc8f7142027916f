// The form that asks for an API key when the server requires one. The key is kept in this tab's
// session storage only (gone when the tab closes) and sent as a bearer header.
import { type FormEvent, useState } from 'react';

interface KeyPromptProps {
  /** Why the previous key was not accepted, if one was tried. */
  problem: string | null;
  onSubmit(key: string): void;
}

export function KeyPrompt({ problem, onSubmit }: KeyPromptProps) {
  const [key, setKey] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) onSubmit(key.trim());
  };
  return (
    <main className="key-prompt" id="main-content">
      <form className="card key-prompt-card" onSubmit={submit} aria-labelledby="key-prompt-title">
        <h1 id="key-prompt-title">Sign in to riptide</h1>
        <p>
          This server asks for an API key. Create one with <code>riptide keys create --tenant &lt;id&gt;</code>.
        </p>
        <label className="field">
          <span>API key</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(event) => setKey(event.target.value)}
            placeholder="rt_…"
            aria-describedby={problem ? 'key-prompt-problem' : undefined}
          />
        </label>
        {problem ? (
          <p className="error" id="key-prompt-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <button type="submit" className="button primary">
          Use this key
        </button>
        <p className="muted">The key stays in this browser tab only and is sent as an Authorization header.</p>
      </form>
    </main>
  );
}
