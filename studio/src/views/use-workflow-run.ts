// Runs a workflow over the SSE trace route and tracks which steps have finished, so the canvas can
// light each step up as the run reaches it.
import type { Edge } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { StreamHandle } from '../api/sse-stream';
import { isPendingRun, type RunResult, type TraceEntry, type WorkflowSpec } from '../api/types';
import { useApi } from '../app/api-context';
import { planOrder, type StepNode, traceNodeId } from './workflow-spec';

const PENDING_MESSAGE = 'The workflow stopped for approval; resume it from History.';

export function useWorkflowRun() {
  const api = useApi();
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState<ReadonlySet<string> | null>(null);
  const [result, setResult] = useState<RunResult | null>(null);
  const [trace, setTrace] = useState<TraceEntry[]>([]);
  const streamRef = useRef<StreamHandle | null>(null);

  useEffect(() => () => streamRef.current?.close(), []);

  const reset = useCallback(() => {
    setResult(null);
    setDone(null);
    setTrace([]);
  }, []);

  /** Resolves when the run ended; rejects with the server's words when it failed. */
  const start = useCallback(
    async (spec: WorkflowSpec, nodes: StepNode[], edges: Edge[]) => {
      setResult(null);
      setRunning(true);
      setDone(new Set());
      setTrace([]);
      const order = planOrder(nodes, edges);
      let finished = 0;
      let problem: ApiError | null = null;
      try {
        const handle = api.streamWorkflowRun(spec, {}, (event) => {
          if (event.event === 'node') {
            setTrace((list) => [...list, { node: event.name, duration_ms: event.duration_ms ?? 0 }]);
            // The graph reports its own nodes: `worker` finishes one step (in plan order), `swarm_worker`
            // finishes every wave at once; a server naming the step directly is honoured too.
            const named = traceNodeId(event, nodes);
            if (named) setDone((current) => new Set([...(current ?? []), named]));
            else if (event.name === 'worker' && finished < order.length) {
              finished += 1;
              setDone(new Set(order.slice(0, finished)));
            } else if (event.name === 'swarm_worker') {
              finished = order.length;
              setDone(new Set(order));
            }
          } else if (event.event === 'pending' || (event.event === 'result' && isPendingRun(event.result))) {
            problem = new ApiError(0, 'pending', [PENDING_MESSAGE]);
          } else if (event.event === 'result' && !isPendingRun(event.result)) {
            setResult(event.result);
            if (event.result.success) setDone(new Set(nodes.map((node) => node.id)));
          }
        });
        streamRef.current = handle;
        await handle.finished;
      } catch (caught) {
        setDone(null);
        throw caught;
      } finally {
        streamRef.current = null;
        setRunning(false);
      }
      if (problem) throw problem;
    },
    [api],
  );

  return { running, done, result, trace, start, reset };
}
