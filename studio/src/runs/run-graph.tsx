// The run as a graph: the nodes it executed, in order, joined by arrows, each with its duration. While
// the run streams, the node that just finished is highlighted and a placeholder marks the one running.

import { formatMs } from '../components/format';
import type { NodeExecution } from './node-executions';

export function RunGraph({
  nodes,
  live = false,
  selected,
  onSelect,
}: {
  nodes: NodeExecution[];
  live?: boolean;
  selected?: number | null;
  onSelect?: (index: number) => void;
}) {
  if (nodes.length === 0 && !live) return <p className="muted">No nodes recorded for this run.</p>;
  const longest = Math.max(...nodes.map((node) => node.duration_ms), 1);
  return (
    <ol className="run-graph" aria-label="Executed nodes">
      {nodes.map((node) => {
        const latest = live && node.index === nodes.length - 1;
        const work = node.modelCalls.length + node.toolCalls.length;
        return (
          <li
            key={node.index}
            className={`run-node${latest ? ' latest' : ''}${selected === node.index ? ' selected' : ''}`}
            data-node={node.name}
          >
            <button
              type="button"
              className="run-node-button"
              aria-pressed={onSelect ? selected === node.index : undefined}
              disabled={!onSelect}
              onClick={() => onSelect?.(node.index)}
            >
              <span className="run-node-order">{node.index + 1}</span>
              <span className="run-node-name">{node.name}</span>
              <span className="run-node-duration">{formatMs(node.duration_ms)}</span>
              <span className="run-node-bar" aria-hidden="true">
                <span style={{ width: `${Math.max(3, (node.duration_ms / longest) * 100)}%` }} />
              </span>
              {work > 0 ? (
                <span className="run-node-work">
                  {node.modelCalls.length ? `${node.modelCalls.length} model` : ''}
                  {node.modelCalls.length && node.toolCalls.length ? ' · ' : ''}
                  {node.toolCalls.length ? `${node.toolCalls.length} tool` : ''}
                </span>
              ) : null}
              {latest ? <span className="visually-hidden"> (just finished)</span> : null}
            </button>
          </li>
        );
      })}
      {live ? (
        <li className="run-node running" aria-live="polite">
          <span className="run-node-button">
            <span className="run-node-name">{nodes.length ? 'next node running…' : 'starting…'}</span>
          </span>
        </li>
      ) : null}
    </ol>
  );
}
