// Generates one JSON value valid against a JSON Schema, for the offline model's `structured` purpose.
// Generic over the keywords real schemas use (types, required, enum/const, arrays, nested objects,
// numeric bounds, string lengths and formats, oneOf/anyOf/allOf, local $ref, defaults), and seeded
// from the run's answer: answer-like string properties get the answer text, numbers the answer's numbers.

type Schema = Record<string, unknown>;

export interface InstanceHints {
  /** The answer text: fills string properties named like answer/summary/result/text/title. */
  answer?: string;
  /** Numbers found in the answer, used (in order) for numeric properties when they fit. */
  numbers?: number[];
}

const ANSWER_PROPERTY = /answer|summary|result|text|content|output|response|message|description|explanation/i;
const TITLE_PROPERTY = /title|name|label|headline|subject/i;
const FORMAT_EXAMPLES: Record<string, string> = {
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  duration: 'P1D',
  uri: 'https://example.com',
  url: 'https://example.com',
  'uri-reference': 'https://example.com',
  iri: 'https://example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  ipv4: '127.0.0.1',
  ipv6: '::1',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  'json-pointer': '/a',
  regex: '.*',
};
const MAX_DEPTH = 12;

export function generateJsonInstance(schema: unknown, hints: InstanceHints = {}): unknown {
  const numbers = [...(hints.numbers ?? [])];
  return new Generator(schema, hints.answer ?? '', numbers).value(schema, undefined, 0);
}

class Generator {
  constructor(
    private readonly root: unknown,
    private readonly answer: string,
    private readonly numbers: number[],
  ) {}

  value(input: unknown, propertyName: string | undefined, depth: number): unknown {
    if (input === true || input === undefined) return propertyName ? this.text(propertyName, {}) : {};
    if (input === false || input === null || typeof input !== 'object') return null;
    let schema = input as Schema;
    if (typeof schema.$ref === 'string') schema = { ...this.resolve(schema.$ref), ...withoutKey(schema, '$ref') };
    if (depth > MAX_DEPTH) return null;
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
    if (schema.default !== undefined) return schema.default;
    if (Array.isArray(schema.allOf)) schema = mergeAll(schema, schema.allOf as Schema[]);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const options = schema[key];
      if (Array.isArray(options) && options.length > 0) {
        return this.value({ ...withoutKey(schema, key), ...(options[0] as Schema) }, propertyName, depth + 1);
      }
    }
    switch (pickType(schema)) {
      case 'object':
        return this.object(schema, depth);
      case 'array':
        return this.array(schema, propertyName, depth);
      case 'integer':
        return this.number(schema, true);
      case 'number':
        return this.number(schema, false);
      case 'boolean':
        return true;
      case 'null':
        return null;
      default:
        return this.text(propertyName, schema);
    }
  }

  private object(schema: Schema, depth: number): Record<string, unknown> {
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    const result: Record<string, unknown> = {};
    const maxProperties = typeof schema.maxProperties === 'number' ? schema.maxProperties : Number.POSITIVE_INFINITY;
    // Required first, then the other declared properties while maxProperties allows.
    const names = [...required, ...Object.keys(properties).filter((name) => !required.includes(name))];
    for (const name of names) {
      if (Object.keys(result).length >= maxProperties && !required.includes(name)) break;
      const propertySchema =
        name in properties
          ? properties[name]
          : typeof schema.additionalProperties === 'object'
            ? schema.additionalProperties
            : true;
      result[name] = this.value(propertySchema, name, depth + 1);
    }
    const minProperties = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
    for (let index = 0; Object.keys(result).length < minProperties; index++) {
      if (schema.additionalProperties === false) break;
      const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : { type: 'string' };
      result[`extra_${index + 1}`] = this.value(extra, `extra_${index + 1}`, depth + 1);
    }
    return result;
  }

  private array(schema: Schema, propertyName: string | undefined, depth: number): unknown[] {
    const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as unknown[]) : [];
    const tupleItems = Array.isArray(schema.items) ? (schema.items as unknown[]) : [];
    const tuple = prefix.length > 0 ? prefix : tupleItems;
    const itemSchema = Array.isArray(schema.items) ? (schema.additionalItems ?? true) : (schema.items ?? true);
    const minItems = typeof schema.minItems === 'number' ? schema.minItems : 1;
    const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
    // `contains`: the first non-tuple item is generated from the contains schema (merged with items).
    const contains = schema.contains && typeof schema.contains === 'object' ? (schema.contains as Schema) : null;
    const count = Math.min(Math.max(minItems, tuple.length + (contains ? 1 : 0), 1), maxItems);
    const items: unknown[] = [];
    for (let index = 0; index < count; index++) {
      const base = index < tuple.length ? tuple[index] : itemSchema;
      const useContains = contains !== null && index === tuple.length;
      const itemSource = useContains ? { ...(typeof base === 'object' ? (base as Schema) : {}), ...contains } : base;
      const item = this.value(itemSource, propertyName, depth + 1);
      items.push(schema.uniqueItems === true ? distinct(item, index, items) : item);
    }
    return items;
  }

  private number(schema: Schema, integer: boolean): number {
    const minimum = lowerBound(schema, integer);
    const maximum = upperBound(schema, integer);
    const multipleOf = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : null;
    const fits = (value: number) =>
      value >= minimum &&
      value <= maximum &&
      (!integer || Number.isInteger(value)) &&
      (multipleOf === null || isMultiple(value, multipleOf));
    const hinted = this.numbers.findIndex(fits);
    if (hinted >= 0) return this.numbers.splice(hinted, 1)[0];
    let value = Number.isFinite(minimum) ? minimum : Number.isFinite(maximum) ? Math.min(0, maximum) : 0;
    if (integer) value = Math.ceil(value);
    if (multipleOf !== null) value = Math.ceil(value / multipleOf - 1e-9) * multipleOf;
    if (multipleOf !== null && integer && !Number.isInteger(value)) value = lcmInteger(multipleOf, value);
    // A narrow exclusive range (0 < x < 0.3): the fixed half-step overshoots, so take the midpoint.
    if (!integer && multipleOf === null && value > maximum)
      value = (rawBound(schema, 'min') + rawBound(schema, 'max')) / 2;
    return value;
  }

  private text(propertyName: string | undefined, schema: Schema): string {
    const format = typeof schema.format === 'string' ? FORMAT_EXAMPLES[schema.format] : undefined;
    let value: string;
    if (format !== undefined) value = format;
    else if (propertyName && TITLE_PROPERTY.test(propertyName) && this.answer) value = firstSentence(this.answer, 60);
    else if (propertyName && ANSWER_PROPERTY.test(propertyName) && this.answer) value = this.answer;
    else value = propertyName ? `example ${propertyName}` : 'example';
    const pattern = typeof schema.pattern === 'string' ? safeRegex(schema.pattern) : null;
    if (pattern && !pattern.test(value)) value = patternCandidate(pattern) ?? value;
    const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
    if ([...value].length > maxLength) value = [...value].slice(0, maxLength).join('');
    if ([...value].length < minLength) value = value + 'x'.repeat(minLength - [...value].length);
    return value;
  }

  private resolve(reference: string): Schema {
    if (!reference.startsWith('#')) return {};
    let node: unknown = this.root;
    for (const raw of reference.slice(1).split('/').filter(Boolean)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = node && typeof node === 'object' ? (node as Schema)[key] : undefined;
    }
    return node && typeof node === 'object' ? (node as Schema) : {};
  }
}

function pickType(schema: Schema): string {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') as string | undefined) ?? 'null';
  if (schema.properties || schema.required || schema.additionalProperties) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  if (schema.minimum !== undefined || schema.maximum !== undefined || schema.multipleOf !== undefined) return 'number';
  return 'string';
}

function lowerBound(schema: Schema, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + step;
  if (typeof schema.minimum === 'number')
    return schema.exclusiveMinimum === true ? schema.minimum + step : schema.minimum;
  return Number.NEGATIVE_INFINITY;
}

function upperBound(schema: Schema, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  if (typeof schema.exclusiveMaximum === 'number') return schema.exclusiveMaximum - step;
  if (typeof schema.maximum === 'number')
    return schema.exclusiveMaximum === true ? schema.maximum - step : schema.maximum;
  return Number.POSITIVE_INFINITY;
}

function rawBound(schema: Schema, side: 'min' | 'max'): number {
  const exclusive = side === 'min' ? schema.exclusiveMinimum : schema.exclusiveMaximum;
  const inclusive = side === 'min' ? schema.minimum : schema.maximum;
  if (typeof exclusive === 'number') return exclusive;
  return typeof inclusive === 'number' ? inclusive : 0;
}

function isMultiple(value: number, multipleOf: number): boolean {
  const quotient = value / multipleOf;
  return Math.abs(quotient - Math.round(quotient)) < 1e-9;
}

function lcmInteger(multipleOf: number, value: number): number {
  let candidate = value;
  for (let step = 0; step < 1000 && !Number.isInteger(candidate); step++) candidate += multipleOf;
  return candidate;
}

function mergeAll(schema: Schema, parts: Schema[]): Schema {
  const merged: Schema = { ...withoutKey(schema, 'allOf') };
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties') merged.properties = { ...(merged.properties as Schema), ...(value as Schema) };
      else if (key === 'required')
        merged.required = [...new Set([...((merged.required as string[]) ?? []), ...(value as string[])])];
      else merged[key] = value;
    }
  }
  return merged;
}

function withoutKey(schema: Schema, key: string): Schema {
  const { [key]: _removed, ...rest } = schema;
  return rest;
}

function distinct(item: unknown, index: number, previous: unknown[]): unknown {
  const seen = (value: unknown) => previous.some((other) => JSON.stringify(other) === JSON.stringify(value));
  if (!seen(item)) return item;
  if (typeof item === 'string') return `${item} ${index + 1}`;
  if (typeof item === 'number') return item + index;
  return item;
}

function firstSentence(text: string, maxLength: number): string {
  const sentence = text.split(/(?<=[.!?])\s|\n/)[0] ?? text;
  return sentence.length > maxLength ? `${sentence.slice(0, maxLength - 1).trimEnd()}…` : sentence;
}

function safeRegex(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}

/** A few strings that satisfy many simple patterns (codes, slugs, digits); null when none fits. */
function patternCandidate(pattern: RegExp): string | null {
  const candidates = ['a', 'abc', 'ABC', 'A', '0', '123', 'abc123', 'example', 'a-b', 'AB-123', 'ab_cd', 'x1'];
  return candidates.find((candidate) => pattern.test(candidate)) ?? null;
}
