// A form generated from a tool's JSON Schema: string, number, integer, boolean, enum, array of strings
// (one per line) and object (as JSON). Produces the arguments object, or field errors before sending.
import { useId } from 'react';
import type { JsonSchema } from '../api/types';

export type FieldValues = Record<string, string | boolean>;

function fieldType(schema: JsonSchema): string {
  if (schema.enum) return 'enum';
  const type = Array.isArray(schema.type) ? schema.type.find((item) => item !== 'null') : schema.type;
  if (type === 'array' && (!schema.items || schema.items.type === 'string' || !schema.items.type)) return 'string-list';
  return type ?? 'json';
}

export function initialValues(schema: JsonSchema): FieldValues {
  const values: FieldValues = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const kind = fieldType(property);
    const fallback = property.default;
    if (kind === 'boolean') values[name] = fallback === true;
    else if (kind === 'string-list') values[name] = Array.isArray(fallback) ? fallback.join('\n') : '';
    else if (kind === 'object' || kind === 'array' || kind === 'json')
      values[name] = fallback === undefined ? '' : JSON.stringify(fallback);
    else values[name] = fallback === undefined ? '' : String(fallback);
  }
  return values;
}

/** Builds the arguments object; returns problems worded per field instead when inputs cannot be converted. */
export function valuesToArguments(
  schema: JsonSchema,
  values: FieldValues,
): { arguments: Record<string, unknown>; problems: string[] } {
  const args: Record<string, unknown> = {};
  const problems: string[] = [];
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const kind = fieldType(property);
    const raw = values[name];
    if (kind === 'boolean') {
      args[name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (required.has(name)) problems.push(`${name}: required`);
      continue;
    }
    if (kind === 'number' || kind === 'integer') {
      const value = Number(text);
      if (Number.isNaN(value) || (kind === 'integer' && !Number.isInteger(value)))
        problems.push(`${name}: must be ${kind === 'integer' ? 'an integer' : 'a number'}`);
      else args[name] = value;
    } else if (kind === 'string-list') {
      args[name] = text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    } else if (kind === 'object' || kind === 'array' || kind === 'json') {
      try {
        args[name] = JSON.parse(text);
      } catch {
        problems.push(`${name}: not valid JSON`);
      }
    } else if (kind === 'enum') {
      const match = (property.enum ?? []).find((option) => String(option) === text);
      args[name] = match ?? text;
    } else {
      args[name] = text;
    }
  }
  return { arguments: args, problems };
}

export function SchemaForm({
  schema,
  values,
  onChange,
}: {
  schema: JsonSchema;
  values: FieldValues;
  onChange: (values: FieldValues) => void;
}) {
  const baseId = useId();
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return <p className="muted">This tool takes no arguments.</p>;
  return (
    <div className="schema-form">
      {properties.map(([name, property]) => {
        const id = `${baseId}-${name}`;
        const kind = fieldType(property);
        const value = values[name];
        const set = (next: string | boolean) => onChange({ ...values, [name]: next });
        const label = (
          <label htmlFor={id}>
            {name}
            {required.has(name) ? <span aria-hidden="true"> *</span> : null}
            <span className="hint"> ({kind === 'string-list' ? 'one per line' : kind === 'json' ? 'JSON' : kind})</span>
          </label>
        );
        const help = property.description ? (
          <span className="hint block" id={`${id}-help`}>
            {property.description}
          </span>
        ) : null;
        const describedBy = property.description ? `${id}-help` : undefined;
        if (kind === 'boolean') {
          return (
            <div className="checkbox-field" key={name}>
              <input
                id={id}
                type="checkbox"
                checked={value === true}
                aria-describedby={describedBy}
                onChange={(event) => set(event.target.checked)}
              />
              {label}
              {help}
            </div>
          );
        }
        return (
          <div className="field" key={name}>
            {label}
            {kind === 'enum' ? (
              <select
                id={id}
                value={String(value ?? '')}
                aria-describedby={describedBy}
                onChange={(event) => set(event.target.value)}
              >
                <option value="">(none)</option>
                {(property.enum ?? []).map((option) => (
                  <option key={String(option)} value={String(option)}>
                    {String(option)}
                  </option>
                ))}
              </select>
            ) : kind === 'string-list' || kind === 'object' || kind === 'array' || kind === 'json' ? (
              <textarea
                id={id}
                rows={3}
                value={String(value ?? '')}
                aria-describedby={describedBy}
                required={required.has(name)}
                onChange={(event) => set(event.target.value)}
              />
            ) : (
              <input
                id={id}
                type={kind === 'number' || kind === 'integer' ? 'number' : 'text'}
                step={kind === 'integer' ? 1 : 'any'}
                value={String(value ?? '')}
                aria-describedby={describedBy}
                required={required.has(name)}
                onChange={(event) => set(event.target.value)}
              />
            )}
            {help}
          </div>
        );
      })}
    </div>
  );
}
