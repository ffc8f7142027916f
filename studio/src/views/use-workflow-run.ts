// Runs a workflow over its SSE stream and tracks each step's progress from the server's `step`
// events (started → running, completed → done, failed), so the canvas lights up each node as it runs.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { StreamHandle } from '../api/sse-stream';
import { isPendingRun, type RunResult, type StepEvent, type TraceEntry, type WorkflowSpec } from '../api/types';
import { useApi } from '../app/api-context';
import type { StepProgress } from './workflow-spec';

const PENDING_MESSAGE = 'The workflow stopped for approval; resume it from History.';

const PROGRESS: Record<StepEvent['status'], StepProgress> = { started: 'running', completed: 'done', failed: 'failed' };

export function useWorkflowRun() {
  const api = useApi();
  const [running, setRunning] = useState(false);
  /** Progress per node id (null: no run to show). */
  const [progress, setProgress] = useState<ReadonlyMap<string, StepProgress> | null>(null);
  const [result, setResult] = useState<RunResult | null>(null);
  const [trace, setTrace] = useState<TraceEntry[]>([]);
  const streamRef = useRef<StreamHandle | null>(null);

  useEffect(() => () => streamRef.current?.close(), []);

  const reset = useCallback(() => {
    setResult(null);
    setProgress(null);
    setTrace([]);
  }, []);

  /** Resolves when the run ended; rejects with the server's words when it failed. */
  const start = useCallback(
    async (spec: WorkflowSpec) => {
      setResult(null);
      setRunning(true);
      setProgress(new Map());
      setTrace([]);
      let problem: ApiError | null = null;
      try {
        const handle = api.streamWorkflowRun(spec, {}, (event) => {
          if (event.event === 'step') {
            // A supervisor's corrective subtask (no step id) belongs to no node on the canvas.
            const id = event.step_id;
            if (id !== null) setProgress((current) => new Map(current).set(id, PROGRESS[event.status]));
          } else if (event.event === 'node') {
            setTrace((list) => [...list, { node: event.name, duration_ms: event.duration_ms ?? 0 }]);
          } else if (event.event === 'pending' || (event.event === 'result' && isPendingRun(event.result))) {
            problem = new ApiError(0, 'pending', [PENDING_MESSAGE]);
          } else if (event.event === 'result' && !isPendingRun(event.result)) {
            setResult(event.result);
          }
        });
        streamRef.current = handle;
        await handle.finished;
      } catch (caught) {
        setProgress(null);
        throw caught;
      } finally {
        streamRef.current = null;
        setRunning(false);
      }
      if (problem) throw problem;
    },
    [api],
  );

  return { running, progress, result, trace, start, reset };
}
