// One chat bubble. An assistant reply from a run shows the work: status, tokens, cost and latency, each
// tool call (collapsible, with arguments and result or error), errors styled as errors with their code,
// the answer as Markdown, copy, retry, a link to the run page, and an approval card when the run waits.
import { useEffect, useState } from 'react';
import type { PendingRun, RunResult, TraceEntry } from '../api/types';
import { ApprovalCard } from '../components/approval-card';
import { formatMs, formatNumber, formatUsd } from '../components/format';
import { MarkdownText } from '../components/markdown';
import { NavLink } from '../components/nav-link';
import { RunStatusBadge } from '../components/run-status-badge';
import { Spinner } from '../components/spinner';
import { fromToolCallRecord, ToolCallView } from '../components/tool-call-view';
import { nodeExecutionsFromTrace } from '../runs/node-executions';
import { RunGraph } from '../runs/run-graph';
import { runPath } from '../runs/run-path';
import { replyFailure } from './reply-failure';

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  /** Set while the reply is still being produced. */
  working?: boolean;
  /** Live node trace while the graph works. */
  trace?: TraceEntry[];
  result?: RunResult;
  /** The run stopped here for a human. */
  pending?: PendingRun;
  /** The run behind the reply (a link to its page). */
  threadId?: string;
  mode?: string;
  via?: 'graph' | 'direct' | 'interactive';
}

export interface ChatMessageActions {
  busy: boolean;
  onRetry?: () => void;
  onDecide?: (approved: boolean, answer: string | null) => void;
}

export function ChatMessageView({ message, actions }: { message: ChatMessage; actions: ChatMessageActions }) {
  const result = message.result;
  const failure = result ? replyFailure(result) : null;
  const threadId = result?.thread_id ?? message.pending?.thread_id ?? message.threadId;
  const toolCalls = result?.results.flatMap((item) => item.tool_calls) ?? [];
  const assistant = message.role === 'assistant';
  return (
    <li className={`message ${message.role}${failure ? ' failed' : ''}`}>
      <span className="message-author">{assistant ? 'riptide' : 'You'}</span>
      <div className="message-body">
        {message.working ? <Spinner label={message.via === 'direct' ? 'Streaming tokens…' : 'Working…'} /> : null}
        {message.working && message.trace ? <RunGraph nodes={nodeExecutionsFromTrace(message.trace)} live /> : null}
        {failure ? (
          <div className="reply-error" role="alert">
            <span className="badge bad error-code">{failure.code}</span> <span>{failure.detail}</span>
          </div>
        ) : message.text ? (
          assistant && !message.working ? (
            <MarkdownText text={message.text} className="message-text" />
          ) : (
            <p className="message-text">{message.text}</p>
          )
        ) : null}
        {message.pending && actions.onDecide ? (
          <ApprovalCard
            key={JSON.stringify(message.pending.action)}
            action={message.pending.action}
            busy={actions.busy}
            onDecide={actions.onDecide}
          />
        ) : null}
        {result ? (
          <p className="reply-meta small">
            <RunStatusBadge run={result} />
            {!result.success && !result.blocked ? <span className="badge bad">unsuccessful</span> : null}
            <span>{result.mode}</span>
            <span>{formatNumber(result.metrics?.usage.total_tokens)} tokens</span>
            <span>{formatUsd(result.metrics?.cost_usd)}</span>
            <span>{formatMs(result.metrics?.latency_ms)}</span>
          </p>
        ) : message.mode ? (
          <p className="muted small">mode: {message.mode}</p>
        ) : null}
        {toolCalls.length ? (
          <div className="reply-tools">
            <h3 className="small-heading">
              {toolCalls.length === 1 ? '1 tool call' : `${toolCalls.length} tool calls`}
            </h3>
            {toolCalls.map((call, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a tool can be called twice with the same arguments.
              <ToolCallView key={index} call={fromToolCallRecord(call)} />
            ))}
          </div>
        ) : null}
        {assistant && !message.working && (message.text || result) ? (
          <div className="reply-actions">
            <CopyButton text={result?.final_answer ?? message.text} />
            {actions.onRetry ? (
              <button type="button" className="button small ghost" onClick={actions.onRetry} disabled={actions.busy}>
                Retry
              </button>
            ) : null}
            {threadId && message.via !== 'direct' ? (
              <NavLink to={runPath(threadId)} className="button small ghost">
                Inspect run
              </NavLink>
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}

function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" className="button small ghost" onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? ' — the answer is on the clipboard' : ''}
      </span>
    </button>
  );
}
