// What one executed node did: the subtasks it started or finished (its inputs and outputs), its model
// calls with prompts and usage, and its tool calls.
import { formatMs } from '../components/format';
import { fromToolCallEvent, ToolCallView } from '../components/tool-call-view';
import { ModelCallView } from './model-call-view';
import type { NodeExecution } from './node-executions';

export function NodeDetail({ node }: { node: NodeExecution }) {
  const nothing = node.steps.length + node.modelCalls.length + node.toolCalls.length === 0;
  return (
    <section className="node-detail" aria-label={`Node ${node.name}`}>
      <h3>
        {node.index + 1}. {node.name} <span className="muted small">{formatMs(node.duration_ms)}</span>
      </h3>
      {nothing ? <p className="muted small">This node made no model or tool calls and ran no subtask.</p> : null}
      {node.steps.length ? (
        <>
          <h4 className="small-heading">Subtasks</h4>
          <ul className="plain-list small">
            {node.steps.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a step starts and finishes in the same node.
              <li key={index}>
                <span className={`badge ${step.status === 'failed' ? 'bad' : step.status === 'completed' ? 'ok' : ''}`}>
                  {step.status}
                </span>{' '}
                {step.subtask} <span className="muted">({step.role})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {node.modelCalls.length ? (
        <>
          <h4 className="small-heading">Model calls</h4>
          {node.modelCalls.map((call, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: calls are ordered and never reordered.
            <ModelCallView key={index} call={call} />
          ))}
        </>
      ) : null}
      {node.toolCalls.length ? (
        <>
          <h4 className="small-heading">Tool calls</h4>
          {node.toolCalls.map((call, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: calls are ordered and never reordered.
            <ToolCallView key={index} call={fromToolCallEvent(call)} />
          ))}
        </>
      ) : null}
    </section>
  );
}
