// Every run option from the API's run-options table as labelled controls (task is entered separately).
import type { RunOptions } from '../api/types';
import { CheckboxField, NumberField, TextAreaField, TextField } from './form-fields';
import { SamplingControls } from './sampling-controls';

export type RunOptionsDraft = Required<
  Omit<RunOptions, 'task' | 'final_schema' | 'sampling' | 'model' | 'temperature' | 'top_p' | 'max_tokens'>
> & {
  model: string;
  final_schema_text: string;
  sampling: NonNullable<RunOptions['sampling']>;
};

export const DEFAULT_DRAFT: RunOptionsDraft = {
  tenant_id: 'default',
  offline: false,
  model: '',
  memory: true,
  guardrails: true,
  single: false,
  llm_composer: false,
  critic: false,
  supervisor: false,
  react_steps: 1,
  vote_k: 1,
  final_schema_text: '',
  sampling: {},
};

export function RunOptionsForm({
  draft,
  onChange,
}: {
  draft: RunOptionsDraft;
  onChange: (draft: RunOptionsDraft) => void;
}) {
  const set = <K extends keyof RunOptionsDraft>(key: K, value: RunOptionsDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <div className="run-options">
      <div className="grid-2">
        <TextField label="Tenant id" value={draft.tenant_id} onChange={(value) => set('tenant_id', value)} />
        <TextField
          label="Model override"
          value={draft.model}
          placeholder="configured model"
          onChange={(value) => set('model', value)}
        />
        <NumberField
          label="ReAct steps (1–20)"
          value={draft.react_steps}
          min={1}
          max={20}
          onChange={(value) => set('react_steps', value ?? 1)}
        />
        <NumberField
          label="Vote k (1–15)"
          value={draft.vote_k}
          min={1}
          max={15}
          onChange={(value) => set('vote_k', value ?? 1)}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Graph features</legend>
        <div className="grid-2">
          <CheckboxField label="Offline model" checked={draft.offline} onChange={(value) => set('offline', value)} />
          <CheckboxField label="Memory" checked={draft.memory} onChange={(value) => set('memory', value)} />
          <CheckboxField label="Guardrails" checked={draft.guardrails} onChange={(value) => set('guardrails', value)} />
          <CheckboxField label="Single agent" checked={draft.single} onChange={(value) => set('single', value)} />
          <CheckboxField
            label="LLM composer"
            checked={draft.llm_composer}
            onChange={(value) => set('llm_composer', value)}
          />
          <CheckboxField label="Critic" checked={draft.critic} onChange={(value) => set('critic', value)} />
          <CheckboxField label="Supervisor" checked={draft.supervisor} onChange={(value) => set('supervisor', value)} />
        </div>
        <p className="hint">The supervisor re-plans failed subtasks, so it turns the critic on too.</p>
      </fieldset>
      <SamplingControls value={draft.sampling} onChange={(value) => set('sampling', value)} />
      <TextAreaField
        label="Final schema (JSON Schema, optional)"
        rows={4}
        value={draft.final_schema_text}
        placeholder='{"type":"object","properties":{"answer":{"type":"string"}}}'
        onChange={(value) => set('final_schema_text', value)}
      />
    </div>
  );
}
