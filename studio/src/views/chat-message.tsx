// One chat bubble; an assistant reply with a RunResult also shows its details (mode, roles, tools, cost).
import type { RunResult, TraceEntry } from '../api/types';
import { formatMs, formatNumber, formatUsd } from '../components/format';
import { NodeTimeline } from '../components/node-timeline';
import { Spinner } from '../components/spinner';

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  /** Set while the reply is still being produced. */
  working?: boolean;
  /** Live node trace while the graph works. */
  trace?: TraceEntry[];
  result?: RunResult;
  mode?: string;
  via?: 'graph' | 'direct' | 'interactive';
}

export function ChatMessageView({ message }: { message: ChatMessage }) {
  const result = message.result;
  const tools = result?.results.flatMap((item) => item.tool_calls.map((call) => call.name)) ?? [];
  return (
    <li className={`message ${message.role}`}>
      <span className="message-author">{message.role === 'user' ? 'You' : 'riptide'}</span>
      <div className="message-body">
        {message.text ? <p className="message-text">{message.text}</p> : null}
        {message.working ? <Spinner label={message.via === 'direct' ? 'Streaming tokens…' : 'Working…'} /> : null}
        {message.working && message.trace ? <NodeTimeline trace={message.trace} live /> : null}
        {result ? (
          <details className="reply-details">
            <summary>
              Details · {result.mode} · {formatMs(result.metrics?.latency_ms)}
            </summary>
            <dl className="facts small">
              <div>
                <dt>Mode</dt>
                <dd>{result.mode}</dd>
              </div>
              <div>
                <dt>Roles</dt>
                <dd>{result.roles.join(', ') || '—'}</dd>
              </div>
              <div>
                <dt>Tools called</dt>
                <dd>{tools.join(', ') || 'none'}</dd>
              </div>
              <div>
                <dt>Tokens</dt>
                <dd>{formatNumber(result.metrics?.usage.total_tokens)}</dd>
              </div>
              <div>
                <dt>Cost</dt>
                <dd>{formatUsd(result.metrics?.cost_usd)}</dd>
              </div>
              <div>
                <dt>Latency</dt>
                <dd>{formatMs(result.metrics?.latency_ms)}</dd>
              </div>
            </dl>
            {result.trace?.length ? <NodeTimeline trace={result.trace} /> : null}
          </details>
        ) : message.mode ? (
          <p className="muted small">mode: {message.mode}</p>
        ) : null}
      </div>
    </li>
  );
}
