// The run's graph with the selected node's work beside it, from the run's recorded events (or, before
// they are available, from the result's node trace).
import { useEffect, useMemo, useState } from 'react';
import type { RunEvent, TraceEntry } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { NodeDetail } from './node-detail';
import { nodeExecutionsFromEvents, nodeExecutionsFromTrace } from './node-executions';
import { RunGraph } from './run-graph';

export function RunGraphPanel({
  events,
  trace,
  live = false,
  error,
}: {
  events: RunEvent[];
  trace: TraceEntry[];
  live?: boolean;
  error?: unknown;
}) {
  const nodes = useMemo(() => {
    const fromEvents = nodeExecutionsFromEvents(events);
    return fromEvents.length ? fromEvents : nodeExecutionsFromTrace(trace);
  }, [events, trace]);
  const [selected, setSelected] = useState<number | null>(null);
  // Until someone picks a node, show the one that did the most work.
  const busiest = useMemo(() => {
    let best: number | null = null;
    let most = 0;
    for (const node of nodes) {
      const work = node.modelCalls.length + node.toolCalls.length;
      if (work > most) {
        most = work;
        best = node.index;
      }
    }
    return best;
  }, [nodes]);
  useEffect(() => {
    if (selected !== null && selected >= nodes.length) setSelected(null);
  }, [nodes.length, selected]);
  const shown = selected ?? busiest;
  const node = shown === null ? undefined : nodes[shown];
  return (
    <div className="run-graph-panel">
      <ErrorMessage error={error} title="Could not load the run's events" />
      <RunGraph nodes={nodes} live={live} selected={shown} onSelect={setSelected} />
      {node ? <NodeDetail node={node} /> : null}
    </div>
  );
}
