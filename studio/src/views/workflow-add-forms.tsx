// Keyboard-friendly editing beside the canvas: add a step (role picker, subtask, label), add a
// dependency edge, and remove steps or edges — the same actions dragging on the canvas gives.
import type { Edge } from '@xyflow/react';
import { type FormEvent, useState } from 'react';
import type { RoleDescriptor } from '../api/types';
import { SelectField, TextField } from '../components/form-fields';
import type { StepNode } from './workflow-spec';

export function AddStepForm({
  roles,
  onAdd,
}: {
  roles: RoleDescriptor[];
  onAdd: (step: { role: string; subtask: string; label: string }) => void;
}) {
  const [role, setRole] = useState('');
  const [subtask, setSubtask] = useState('');
  const [label, setLabel] = useState('');
  const chosenRole = role || roles[0]?.name || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!subtask.trim() || !chosenRole) return;
    onAdd({ role: chosenRole, subtask: subtask.trim(), label: label.trim() });
    setSubtask('');
    setLabel('');
  };
  return (
    <form className="card compact" onSubmit={submit} aria-label="Add step">
      <h2>Add step</h2>
      <SelectField label="Role" value={chosenRole} onChange={setRole}>
        {roles.map((item) => (
          <option key={item.name} value={item.name}>
            {item.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Subtask" value={subtask} onChange={setSubtask} required />
      <TextField label="Label" value={label} placeholder="optional" onChange={setLabel} />
      <button type="submit" className="button" disabled={!subtask.trim() || !chosenRole}>
        Add step
      </button>
    </form>
  );
}

export function AddEdgeForm({ nodes, onAdd }: { nodes: StepNode[]; onAdd: (source: string, target: string) => void }) {
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const from = source || nodes[0]?.id || '';
  const to = target || nodes[1]?.id || nodes[0]?.id || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from && to) onAdd(from, to);
  };
  const options = nodes.map((node) => (
    <option key={node.id} value={node.id}>
      {node.data.label} ({node.id})
    </option>
  ));
  return (
    <form className="card compact" onSubmit={submit} aria-label="Add dependency">
      <h2>Add dependency</h2>
      <p className="muted small">Or drag from a step's bottom handle to another step's top handle.</p>
      <SelectField label="From step" value={from} onChange={setSource}>
        {options}
      </SelectField>
      <SelectField label="To step" value={to} onChange={setTarget}>
        {options}
      </SelectField>
      <button type="submit" className="button" disabled={nodes.length < 2}>
        Add dependency
      </button>
    </form>
  );
}

export function GraphOutline({
  nodes,
  edges,
  onDeleteNode,
  onDeleteEdge,
}: {
  nodes: StepNode[];
  edges: Edge[];
  onDeleteNode: (id: string) => void;
  onDeleteEdge: (id: string) => void;
}) {
  return (
    <section className="card compact" aria-label="Steps and dependencies">
      <h2>Steps</h2>
      {nodes.length === 0 ? <p className="muted small">No steps yet.</p> : null}
      <ul className="outline">
        {nodes.map((node) => (
          <li key={node.id}>
            <span>
              <strong>{node.data.label}</strong>{' '}
              <span className="muted">
                ({node.id}, {node.data.role})
              </span>
            </span>
            <button type="button" className="button small danger" onClick={() => onDeleteNode(node.id)}>
              Delete<span className="visually-hidden"> step {node.data.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <h2>Dependencies</h2>
      {edges.length === 0 ? <p className="muted small">No dependencies.</p> : null}
      <ul className="outline">
        {edges.map((edge) => (
          <li key={edge.id}>
            <span>
              {edge.source} → {edge.target}
            </span>
            <button type="button" className="button small danger" onClick={() => onDeleteEdge(edge.id)}>
              Delete
              <span className="visually-hidden">
                {' '}
                dependency {edge.source} to {edge.target}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
