import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { generateJsonInstance } from './json-instance-generator.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => void;

function validator(schema: Record<string, unknown>) {
  const ajv = String(schema.$schema ?? '').includes('2020-12')
    ? new Ajv2020({ strict: false })
    : new Ajv({ strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const SCHEMAS: [string, Record<string, unknown>][] = [
  [
    'flat object with required fields',
    {
      type: 'object',
      properties: { answer: { type: 'string' }, n: { type: 'number' } },
      required: ['answer', 'n'],
      additionalProperties: false,
    },
  ],
  [
    'enum and const',
    {
      type: 'object',
      properties: { status: { enum: ['ok', 'fail'] }, kind: { const: 'report' } },
      required: ['status', 'kind'],
    },
  ],
  [
    'array bounds',
    {
      type: 'object',
      properties: { tags: { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 4, uniqueItems: true } },
      required: ['tags'],
    },
  ],
  [
    'nested objects',
    {
      type: 'object',
      properties: {
        author: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            address: { type: 'object', properties: { city: { type: 'string', minLength: 2 } }, required: ['city'] },
          },
          required: ['name', 'address'],
        },
      },
      required: ['author'],
    },
  ],
  [
    'numeric bounds',
    {
      type: 'object',
      properties: {
        score: { type: 'integer', minimum: 10, maximum: 20 },
        ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
        step: { type: 'number', multipleOf: 0.25, minimum: 1.1 },
        even: { type: 'integer', multipleOf: 2, minimum: 3 },
      },
      required: ['score', 'ratio', 'step', 'even'],
    },
  ],
  [
    'string lengths',
    {
      type: 'object',
      properties: { code: { type: 'string', minLength: 5, maxLength: 5 }, short: { type: 'string', maxLength: 3 } },
      required: ['code', 'short'],
    },
  ],
  [
    'formats',
    {
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email' },
        at: { type: 'string', format: 'date-time' },
        day: { type: 'string', format: 'date' },
        site: { type: 'string', format: 'uri' },
        id: { type: 'string', format: 'uuid' },
      },
      required: ['email', 'at', 'day', 'site', 'id'],
    },
  ],
  [
    'oneOf / anyOf',
    {
      type: 'object',
      properties: {
        value: { oneOf: [{ type: 'integer', minimum: 5 }, { type: 'string' }] },
        either: { anyOf: [{ type: 'null' }, { type: 'boolean' }] },
      },
      required: ['value', 'either'],
    },
  ],
  [
    'defaults and nullable types',
    {
      type: 'object',
      properties: { mode: { type: 'string', default: 'fast' }, note: { type: ['string', 'null'] } },
      required: ['mode', 'note'],
    },
  ],
  [
    'local $ref with $defs (draft 2020-12)',
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      $defs: {
        item: {
          type: 'object',
          properties: { sku: { type: 'string', pattern: '^[A-Z]+-[0-9]+$' }, qty: { type: 'integer', minimum: 1 } },
          required: ['sku', 'qty'],
        },
      },
      properties: { items: { type: 'array', items: { $ref: '#/$defs/item' }, minItems: 2 } },
      required: ['items'],
    },
  ],
  [
    'allOf merge',
    {
      allOf: [
        { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
        { properties: { b: { type: 'integer', maximum: -3 } }, required: ['b'] },
      ],
    },
  ],
  [
    'tuple prefixItems (2020-12)',
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'array',
      prefixItems: [{ type: 'string' }, { type: 'integer' }, { type: 'boolean' }],
      items: false,
      minItems: 3,
    },
  ],
  [
    'minProperties with additionalProperties schema',
    { type: 'object', minProperties: 2, additionalProperties: { type: 'integer' } },
  ],
  [
    'narrow exclusive range and contains',
    {
      type: 'object',
      properties: {
        p: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 0.3 },
        list: { type: 'array', items: { type: 'integer' }, contains: { type: 'integer', minimum: 100 } },
      },
      required: ['p', 'list'],
    },
  ],
  ['top-level string with pattern', { type: 'string', pattern: '^[0-9]{3}$' }],
];

describe('generateJsonInstance', () => {
  it.each(SCHEMAS)('validates against: %s', (_name, schema) => {
    const validate = validator(schema);
    const instance = generateJsonInstance(schema, { answer: 'The answer is 42.', numbers: [42, 7] });
    expect(validate.errors ?? [], JSON.stringify(instance)).toEqual([]);
    expect(validate(instance), `${JSON.stringify(instance)} ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it('fills answer-like strings from the answer and numbers from its numbers when they fit', () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string' },
        summary: { type: 'string' },
        result: { type: 'integer', minimum: 0 },
        small: { type: 'integer', maximum: 10 },
        name: { type: 'string', maxLength: 8 },
      },
      required: ['title', 'summary', 'result', 'small', 'name'],
    };
    const instance = generateJsonInstance(schema, { answer: '21 * 2 = 42. Done.', numbers: [42, 7] });
    expect(instance).toEqual({
      title: '21 * 2 = 42.',
      summary: '21 * 2 = 42. Done.',
      result: 42,
      small: 7,
      name: '21 * 2 =',
    });
  });

  it('is deterministic', () => {
    const schema = SCHEMAS[3][1];
    expect(generateJsonInstance(schema, { answer: 'x' })).toEqual(generateJsonInstance(schema, { answer: 'x' }));
  });
});
