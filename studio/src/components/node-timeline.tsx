// A horizontal timeline of the graph nodes a run executed, each bar sized by its duration.
import type { TraceEntry } from '../api/types';
import { formatMs } from './format';

export function NodeTimeline({ trace, live = false }: { trace: TraceEntry[]; live?: boolean }) {
  if (trace.length === 0) return <p className="muted">{live ? 'Waiting for the first node…' : 'No node trace.'}</p>;
  const longest = Math.max(...trace.map((entry) => entry.duration_ms), 1);
  return (
    <ol className="timeline" aria-label="Node trace">
      {trace.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same node can run several times; order is identity.
        <li key={index} className="timeline-row">
          <span className="timeline-name">{entry.node}</span>
          <span className="timeline-track" aria-hidden="true">
            <span className="timeline-bar" style={{ width: `${Math.max(2, (entry.duration_ms / longest) * 100)}%` }} />
          </span>
          <span className="timeline-duration">{formatMs(entry.duration_ms)}</span>
        </li>
      ))}
    </ol>
  );
}
