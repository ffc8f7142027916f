// Sampling knobs (temperature, top_p, max tokens, seed) with one-click presets.
import type { Sampling } from '../api/types';
import { NumberField } from './form-fields';

export const SAMPLING_PRESETS: Record<'precise' | 'balanced' | 'creative', Sampling> = {
  precise: { temperature: 0.1, top_p: 0.9 },
  balanced: { temperature: 0.7, top_p: 1 },
  creative: { temperature: 1.2, top_p: 1 },
};

export function SamplingControls({ value, onChange }: { value: Sampling; onChange: (value: Sampling) => void }) {
  const activePreset = Object.entries(SAMPLING_PRESETS).find(
    ([, preset]) => preset.temperature === value.temperature && preset.top_p === value.top_p,
  )?.[0];
  return (
    <fieldset className="fieldset">
      <legend>Sampling</legend>
      <div className="button-row">
        <span className="hint">Presets:</span>
        {Object.entries(SAMPLING_PRESETS).map(([name, preset]) => (
          <button
            key={name}
            type="button"
            className="button small"
            aria-pressed={activePreset === name}
            onClick={() => onChange({ ...value, ...preset })}
          >
            {name}
          </button>
        ))}
        <button type="button" className="button small ghost" onClick={() => onChange({})}>
          model default
        </button>
      </div>
      <div className="grid-2">
        <NumberField
          label="Temperature"
          value={value.temperature}
          min={0}
          max={2}
          step={0.1}
          placeholder="default"
          onChange={(temperature) => onChange({ ...value, temperature })}
        />
        <NumberField
          label="Top p"
          value={value.top_p}
          min={0}
          max={1}
          step={0.05}
          placeholder="default"
          onChange={(top_p) => onChange({ ...value, top_p })}
        />
        <NumberField
          label="Max tokens"
          value={value.max_tokens}
          min={1}
          step={1}
          placeholder="default"
          onChange={(max_tokens) => onChange({ ...value, max_tokens })}
        />
        <NumberField
          label="Seed"
          value={value.seed}
          step={1}
          placeholder="none"
          onChange={(seed) => onChange({ ...value, seed })}
        />
      </div>
    </fieldset>
  );
}

/** Drops unset knobs; null when nothing is set so the server's defaults apply. */
export function compactSampling(value: Sampling): Sampling | null {
  const entries = Object.entries(value).filter(([, knob]) => knob !== undefined && !Number.isNaN(knob));
  return entries.length ? (Object.fromEntries(entries) as Sampling) : null;
}
