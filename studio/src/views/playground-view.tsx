// Playground: set every run option, run a task with the live node trace, and inspect the result.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { StreamHandle } from '../api/sse-stream';
import { isPendingRun, type PendingRun, type RunOptions, type RunResult, type TraceEntry } from '../api/types';
import { useApi } from '../app/api-context';
import { ApprovalCard } from '../components/approval-card';
import { ErrorMessage } from '../components/error-message';
import { CheckboxField, TextAreaField } from '../components/form-fields';
import { PageHeader } from '../components/page-header';
import { RunInspector } from '../components/run-inspector';
import { DEFAULT_DRAFT, type RunOptionsDraft, RunOptionsForm } from '../components/run-options-form';
import { compactSampling } from '../components/sampling-controls';
import { Spinner } from '../components/spinner';
import { nodeExecutionsFromTrace } from '../runs/node-executions';
import { RunGraph } from '../runs/run-graph';

/** Turns the form draft into run options, reporting a bad final schema before anything is sent. */
function toRunOptions(task: string, draft: RunOptionsDraft): RunOptions {
  let finalSchema: Record<string, unknown> | null = null;
  if (draft.final_schema_text.trim()) {
    try {
      finalSchema = JSON.parse(draft.final_schema_text) as Record<string, unknown>;
    } catch (error) {
      throw new ApiError(0, 'bad_json', [`final_schema: not valid JSON (${(error as Error).message})`]);
    }
  }
  const { final_schema_text: _unused, model, sampling, ...rest } = draft;
  return {
    ...rest,
    task,
    model: model.trim() || null,
    final_schema: finalSchema,
    sampling: compactSampling(sampling),
  };
}

export function PlaygroundView() {
  const api = useApi();
  const [task, setTask] = useState('compute 21 * 2');
  const [draft, setDraft] = useState<RunOptionsDraft>(DEFAULT_DRAFT);
  const [interactive, setInteractive] = useState(false);
  const [trace, setTrace] = useState<TraceEntry[]>([]);
  const [result, setResult] = useState<RunResult | null>(null);
  const [pending, setPending] = useState<PendingRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const streamRef = useRef<StreamHandle | null>(null);

  useEffect(() => () => streamRef.current?.close(), []);
  // The Run button sits low in the options form, so on a desktop the live graph beside it can start
  // out of view: bring it in (the least scrolling that shows it) as soon as a run starts.
  const liveTraceRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (running) liveTraceRef.current?.scrollIntoView({ block: 'nearest' });
  }, [running]);

  const settle = (outcome: RunResult | PendingRun) => {
    if (isPendingRun(outcome)) {
      setPending(outcome);
    } else {
      setPending(null);
      setResult(outcome);
    }
  };

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    setPending(null);
    setTrace([]);
    setRunning(true);
    try {
      const options = toRunOptions(task, draft);
      if (interactive) {
        settle(await api.runInteractive(options));
      } else {
        const handle = api.streamRunTrace(options, (streamEvent) => {
          if (streamEvent.event === 'node') {
            setTrace((list) => [...list, { node: streamEvent.name, duration_ms: streamEvent.duration_ms ?? 0 }]);
          } else if (streamEvent.event === 'result') {
            settle(streamEvent.result);
          } else if (streamEvent.event === 'pending') {
            settle({ status: 'pending_approval', thread_id: streamEvent.thread_id, action: streamEvent.action });
          }
        });
        streamRef.current = handle;
        await handle.finished;
      }
    } catch (caught) {
      setError(caught);
    } finally {
      streamRef.current = null;
      setRunning(false);
    }
  };

  const decide = async (approved: boolean, answer: string | null) => {
    if (!pending) return;
    setRunning(true);
    setError(null);
    try {
      settle(await api.resume(pending.thread_id, approved, answer));
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="view">
      <PageHeader title="Playground">Try a task with every run option, then inspect what the graph did.</PageHeader>
      <div className="split">
        <form className="card" onSubmit={run} aria-label="Run options">
          <TextAreaField label="Task" rows={3} value={task} onChange={setTask} />
          <RunOptionsForm draft={draft} onChange={setDraft} />
          <CheckboxField
            label="Ask before running tools"
            hint="interactive run; stops for approvals"
            checked={interactive}
            onChange={setInteractive}
          />
          <div className="button-row">
            <button type="submit" className="button primary" disabled={running || !task.trim()}>
              Run
            </button>
            <button type="button" className="button ghost" onClick={() => setDraft(DEFAULT_DRAFT)}>
              Reset options
            </button>
          </div>
        </form>
        <div className="stack">
          {running ? (
            <section className="card" aria-label="Live trace" ref={liveTraceRef}>
              <Spinner label="Running…" />
              <RunGraph nodes={nodeExecutionsFromTrace(trace)} live />
            </section>
          ) : null}
          <ErrorMessage error={error} title="The run failed" />
          {pending ? (
            <ApprovalCard
              key={JSON.stringify(pending.action)}
              action={pending.action}
              busy={running}
              onDecide={(approved, answer) => void decide(approved, answer)}
            />
          ) : null}
          {result ? (
            <RunInspector result={result} />
          ) : !running && !pending ? (
            <p className="card muted">Run a task to see its plan, results, verdicts, metrics and trace here.</p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
