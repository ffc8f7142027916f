// One tool call, collapsible: its name and outcome in the summary; arguments and the result (or the
// error with its kind) inside. Used by chat replies and the run inspector.
import type { ToolCallEvent, ToolCallRecord } from '../api/types';
import { formatMs } from './format';
import { JsonView } from './json-view';

export interface ToolCallShown {
  name: string;
  arguments: unknown;
  ok: boolean;
  /** Why it failed: unknown_tool, schema_violation, tool_error, denied, … */
  errorKind: string | null;
  output: string | null;
  durationMs?: number;
}

export function fromToolCallRecord(call: ToolCallRecord): ToolCallShown {
  // A valid call may still have failed when it ran: the record keeps the error kind either way.
  return {
    name: call.name,
    arguments: call.arguments,
    ok: call.valid && !call.error,
    errorKind: call.error ?? (call.valid ? null : 'invalid'),
    output: call.output ?? null,
  };
}

export function fromToolCallEvent(event: ToolCallEvent): ToolCallShown {
  return {
    name: event.tool,
    arguments: event.arguments,
    ok: event.status === 'ok',
    errorKind: event.error_kind,
    output: event.output,
    durationMs: event.duration_ms,
  };
}

export function ToolCallView({ call }: { call: ToolCallShown }) {
  return (
    <details className={`tool-call ${call.ok ? 'ok' : 'failed'}`}>
      <summary>
        <code>{call.name}</code>{' '}
        <span className={`badge ${call.ok ? 'ok' : 'bad'}`}>{call.ok ? 'ok' : `error: ${call.errorKind}`}</span>
        {call.durationMs !== undefined ? <span className="muted small"> {formatMs(call.durationMs)}</span> : null}
      </summary>
      <h4 className="small-heading">Arguments</h4>
      <JsonView value={call.arguments} label={`Arguments of ${call.name}`} />
      <h4 className="small-heading">{call.ok ? 'Result' : 'Error'}</h4>
      {call.output ? (
        <pre className={`json${call.ok ? '' : ' error-output'}`}>{call.output}</pre>
      ) : (
        <p className="muted small">{call.ok ? '(no output)' : `The call failed (${call.errorKind}).`}</p>
      )}
    </details>
  );
}
