// The canvas node for one workflow step: its label, role and subtask, with its live run status.
import { Handle, type NodeProps, Position } from '@xyflow/react';
import type { StepNode } from './workflow-spec';

const STATUS_TEXT = { idle: '', waiting: 'waiting', running: 'running', done: 'done', failed: 'failed' } as const;

export function WorkflowStepNode({ id, data, selected }: NodeProps<StepNode>) {
  return (
    <div className={`step-node status-${data.status}${selected ? ' selected' : ''}`} data-step-id={id}>
      <Handle type="target" position={Position.Top} title={`Drop here: ${data.label} runs after`} />
      <div className="step-head">
        <span className="step-label">{data.label}</span>
        <span className="step-id">{id}</span>
      </div>
      <div className="step-role">{data.role}</div>
      <div className="step-subtask">{data.subtask}</div>
      {data.status !== 'idle' ? <div className={`step-status ${data.status}`}>{STATUS_TEXT[data.status]}</div> : null}
      <Handle
        type="source"
        position={Position.Bottom}
        title={`Drag from here to make a step run after ${data.label}`}
      />
    </div>
  );
}
