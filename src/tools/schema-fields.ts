// JSON Schema fragments for tool parameters. Every fragment carries a description and a bound
// (length, item count or range) so no tool accepts unbounded input.
import type { JsonSchema } from './tool-spec.js';

export const MAX_TEXT = 100_000;

export const text = (description: string, maxLength = MAX_TEXT): JsonSchema => ({
  type: 'string',
  description,
  maxLength,
});

export const nonEmptyText = (description: string, maxLength = MAX_TEXT): JsonSchema => ({
  type: 'string',
  description,
  minLength: 1,
  maxLength,
});

export const number = (description: string, range: { minimum?: number; maximum?: number } = {}): JsonSchema => ({
  type: 'number',
  description,
  minimum: range.minimum ?? -1e15,
  maximum: range.maximum ?? 1e15,
});

export const integer = (description: string, minimum: number, maximum: number): JsonSchema => ({
  type: 'integer',
  description,
  minimum,
  maximum,
});

export const boolean = (description: string): JsonSchema => ({ type: 'boolean', description });

export const choice = (description: string, values: readonly string[]): JsonSchema => ({
  type: 'string',
  description,
  enum: [...values],
});

export const textList = (description: string, maxItems = 1_000, maxLength = 10_000): JsonSchema => ({
  type: 'array',
  description,
  maxItems,
  items: { type: 'string', maxLength },
});

export const numberList = (description: string, maxItems = 10_000, minItems = 1): JsonSchema => ({
  type: 'array',
  description,
  minItems,
  maxItems,
  items: { type: 'number' },
});

export const anyList = (description: string, maxItems = 1_000): JsonSchema => ({
  type: 'array',
  description,
  maxItems,
});

/** The same fragment with a default, which also makes the parameter optional. */
export const withDefault = (schema: JsonSchema, value: unknown): JsonSchema => ({ ...schema, default: value });
