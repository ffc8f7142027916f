// final_schema: the user's JSON Schema compiled with ajv before a run starts (invalid → a
// ValidationError, which the API answers with 422) and the validator used on the structured output.
// ajv is required on the first compile (both packages are CommonJS, so this is the same instance an
// import would give): a run service whose runs never ask for a final_schema never loads it.
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { LRUCache } from 'lru-cache';
import { ValidationError } from '../errors/riptide-error.js';

function createAjv(): Ajv {
  const require = createRequire(import.meta.url);
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  // ajv-formats' CommonJS export is the function itself, with the same function as `.default`.
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const ajv = new AjvClass({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

export interface FinalSchemaCompiler {
  /** Compiles (and caches) a schema; throws ValidationError naming the problem when it is invalid. */
  compile(schema: Record<string, unknown>): ValidateFunction;
  /** How much is held: cached validators and the schemas ajv keeps compiled (for memory checks). */
  size(): { validators: number; compiled: number };
}

/** Compiled validators kept for schemas that come back (a client reusing its schema). */
const CACHED_SCHEMAS = 64;

export function createFinalSchemaCompiler(): FinalSchemaCompiler {
  let ajv: Ajv | undefined;
  // Schemas come from requests: a bounded LRU, and ajv's own per-schema cache emptied after each
  // compile, so many distinct schemas cannot grow the process's memory.
  const cache = new LRUCache<string, ValidateFunction>({ max: CACHED_SCHEMAS });
  return {
    compile(schema) {
      const key = JSON.stringify(schema);
      const cached = cache.get(key);
      if (cached) return cached;
      ajv ??= createAjv();
      let validate: ValidateFunction;
      try {
        validate = ajv.compile(schema);
      } catch (error) {
        throw new ValidationError([`final_schema: not a valid JSON Schema (${(error as Error).message})`]);
      } finally {
        ajv.removeSchema(schema);
      }
      cache.set(key, validate);
      return validate;
    },
    size: () => ({
      validators: cache.size,
      compiled: ajv ? (ajv as unknown as { _cache: Map<unknown, unknown> })._cache.size : 0,
    }),
  };
}

/** ajv errors as readable lines naming the path, e.g. "/answer: must be string". */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '(root)'}: ${error.message ?? 'is invalid'}`);
}
