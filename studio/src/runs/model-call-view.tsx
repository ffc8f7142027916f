// One model call, collapsible: purpose, model, usage, cost and latency in the summary; the prompt (as
// the run redacted it) and the response inside.
import type { ModelCallEvent } from '../api/types';
import { formatMs, formatNumber, formatUsd } from '../components/format';

export function ModelCallView({ call }: { call: ModelCallEvent }) {
  return (
    <details className="model-call">
      <summary>
        {call.purpose} · <code>{call.model}</code>{' '}
        <span className="muted small">
          {formatNumber(call.prompt_tokens)} in / {formatNumber(call.completion_tokens)} out ·{' '}
          {formatUsd(call.cost_usd)} · {formatMs(call.latency_ms)}
        </span>
      </summary>
      <dl className="facts small">
        <div>
          <dt>Provider</dt>
          <dd>{call.provider}</dd>
        </div>
        <div>
          <dt>Finish reason</dt>
          <dd>{call.finish_reason}</dd>
        </div>
        <div>
          <dt>Tools asked for</dt>
          <dd>{call.tool_calls.join(', ') || 'none'}</dd>
        </div>
      </dl>
      <h4 className="small-heading">Prompt (PII redacted)</h4>
      <pre className="json">{call.prompt}</pre>
      <h4 className="small-heading">Response</h4>
      <pre className="json">{call.response || '(no text)'}</pre>
    </details>
  );
}
