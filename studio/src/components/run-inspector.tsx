// Everything a run says, laid out for a person: answer, the graph of executed nodes with each node's
// model and tool calls (from the run's recorded events), plan, roles, results, verdicts, swarm decision,
// metrics, structured output and guardrail violations. Used by the run page, Playground, History and Workflows.
import type { GuardViolation, RunResult } from '../api/types';
import { RunGraphPanel } from '../runs/run-graph-panel';
import { runPath } from '../runs/run-path';
import { useRunEvents } from '../runs/use-run-events';
import { formatMs, formatNumber, formatUsd } from './format';
import { JsonView } from './json-view';
import { NavLink } from './nav-link';
import { RunStatusBadge } from './run-status-badge';

export function RunInspector({ result, linkToRunPage = true }: { result: RunResult; linkToRunPage?: boolean }) {
  const violations: GuardViolation[] = [...(result.guard_violations ?? []), ...(result.guard_violations_out ?? [])];
  const metrics = result.metrics;
  const recorded = useRunEvents(result.thread_id);
  return (
    <article className="inspector" aria-label="Run inspector">
      <section className="card">
        <h2>Answer</h2>
        <p className="answer" data-testid="final-answer">
          {result.final_answer || <span className="muted">(empty)</span>}
        </p>
        <dl className="facts">
          <div>
            <dt>Status</dt>
            <dd>
              <RunStatusBadge run={result} />
              {!result.success && result.status === 'completed' && !result.blocked ? (
                <span className="badge bad">unsuccessful</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>Mode</dt>
            <dd>{result.mode}</dd>
          </div>
          <div>
            <dt>Thread</dt>
            <dd>
              {linkToRunPage ? (
                <NavLink to={runPath(result.thread_id)} className="run-link">
                  <code>{result.thread_id}</code>
                  <span className="visually-hidden"> (open the run page)</span>
                </NavLink>
              ) : (
                <code>{result.thread_id}</code>
              )}
            </dd>
          </div>
          <div>
            <dt>Tenant</dt>
            <dd>{result.tenant_id}</dd>
          </div>
        </dl>
        {result.error ? (
          <p className="alert error" role="alert">
            <span className="badge bad error-code">{result.error.code}</span> {result.error.detail}
          </p>
        ) : null}
      </section>

      <section className="card" aria-label="Run graph">
        <h2>Run graph</h2>
        <p className="muted small">
          The nodes this run executed, in order. Pick one to see its subtasks, model calls and tool calls.
        </p>
        <RunGraphPanel events={recorded.events} trace={result.trace ?? []} error={recorded.error} />
      </section>

      <section className="card">
        <h2>Metrics</h2>
        <dl className="facts">
          <div>
            <dt>Latency</dt>
            <dd>{formatMs(metrics?.latency_ms)}</dd>
          </div>
          <div>
            <dt>Tokens</dt>
            <dd>
              {formatNumber(metrics?.usage.total_tokens)} ({formatNumber(metrics?.usage.prompt_tokens)} in /{' '}
              {formatNumber(metrics?.usage.completion_tokens)} out)
            </dd>
          </div>
          <div>
            <dt>Cost</dt>
            <dd>{formatUsd(metrics?.cost_usd)}</dd>
          </div>
          <div>
            <dt>Model calls</dt>
            <dd>{formatNumber(metrics?.model_calls)}</dd>
          </div>
          <div>
            <dt>Tool calls valid</dt>
            <dd>
              {result.tool_calls_valid} / {result.tool_calls_total}
            </dd>
          </div>
          <div>
            <dt>Invalid calls</dt>
            <dd>
              {Object.entries(metrics?.failures ?? {})
                .map(([kind, count]) => `${kind}: ${count}`)
                .join(', ') || '—'}
            </dd>
          </div>
        </dl>
      </section>

      <section className="card">
        <h2>Plan and swarm decision</h2>
        <ol className="plain-list">
          {result.plan.map((step, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: plan steps may repeat.
            <li key={index}>
              {step} <span className="badge">{result.roles[index] ?? ''}</span>
            </li>
          ))}
        </ol>
        <p>
          <strong>Decision:</strong> {result.swarm_decision?.mode} — {result.swarm_decision?.reason}
        </p>
        {result.swarm_decision?.single_estimate_usd !== undefined ? (
          <p className="muted small">
            Estimates: single {formatUsd(result.swarm_decision.single_estimate_usd)} /{' '}
            {formatMs(result.swarm_decision.single_estimate_ms)}, swarm{' '}
            {formatUsd(result.swarm_decision.swarm_estimate_usd)} / {formatMs(result.swarm_decision.swarm_estimate_ms)}
          </p>
        ) : null}
        <p>
          <strong>Roles:</strong> {result.roles.join(', ') || '—'}
        </p>
      </section>

      <section className="card">
        <h2>Subtask results</h2>
        {result.results.length === 0 ? <p className="muted">No subtasks ran.</p> : null}
        {result.results.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: subtasks may repeat after supervisor rounds.
          <div className="subtask" key={index}>
            <h3>
              {item.subtask} <span className="badge">{item.role}</span>
              {item.denied ? <span className="badge bad">denied</span> : null}
            </h3>
            <p>{item.output}</p>
            {item.handoff ? (
              <p className="muted small">
                Handed off {item.handoff.from} → {item.handoff.to}: {item.handoff.reason}
              </p>
            ) : null}
            {item.tool_calls.length > 0 ? (
              <ul className="plain-list small">
                {item.tool_calls.map((call, callIndex) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a tool can be called twice with the same arguments.
                  <li key={callIndex}>
                    <code>{call.name}</code>({JSON.stringify(call.arguments)}){' '}
                    <span className={`badge ${call.valid ? 'ok' : 'bad'}`}>
                      {call.valid ? 'valid' : (call.error ?? 'invalid')}
                    </span>
                    {call.output ? <span className="muted"> → {call.output}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
      </section>

      <section className="card">
        <h2>Critic verdicts</h2>
        {result.verdicts.length === 0 ? (
          <p className="muted">No verdicts (critic off).</p>
        ) : (
          <ul className="plain-list">
            {result.verdicts.map((verdict, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: verdicts repeat across supervisor rounds.
              <li key={index}>
                <span className={`badge ${verdict.verdict === 'pass' ? 'ok' : 'bad'}`}>{verdict.verdict}</span>{' '}
                {verdict.subtask} — <span className="muted">{verdict.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card">
        <h2>Structured output</h2>
        {result.structured === null || result.structured === undefined ? (
          <p className="muted">None (no final schema).</p>
        ) : (
          <JsonView value={result.structured} label="Structured output" />
        )}
      </section>

      <section className="card">
        <h2>Guardrails and memory</h2>
        {violations.length === 0 ? (
          <p className="muted">No guardrail violations.</p>
        ) : (
          <ul className="plain-list">
            {violations.map((violation, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: violations have no id.
              <li key={index}>
                <span className="badge bad">{violation.action}</span> {violation.guardrail} · {violation.kind}:{' '}
                {violation.detail}
              </li>
            ))}
          </ul>
        )}
        <p className="small">
          <strong>Recalled lessons:</strong>{' '}
          {result.recalled_lessons.length ? result.recalled_lessons.join(' · ') : '—'}
        </p>
        <p className="small">
          <strong>Stored lessons:</strong> {result.stored_lessons.length ? result.stored_lessons.join(' · ') : '—'}
        </p>
      </section>
    </article>
  );
}
