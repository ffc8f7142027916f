// final_schema: the user's JSON Schema compiled with ajv before a run starts (invalid → a
// ValidationError, which the API answers with 422) and the validator used on the structured output.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { LRUCache } from 'lru-cache';
import { ValidationError } from '../errors/riptide-error.js';

// ajv-formats ships CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv) => unknown;

export interface FinalSchemaCompiler {
  /** Compiles (and caches) a schema; throws ValidationError naming the problem when it is invalid. */
  compile(schema: Record<string, unknown>): ValidateFunction;
  /** How much is held: cached validators and the schemas ajv keeps compiled (for memory checks). */
  size(): { validators: number; compiled: number };
}

/** Compiled validators kept for schemas that come back (a client reusing its schema). */
const CACHED_SCHEMAS = 64;

export function createFinalSchemaCompiler(): FinalSchemaCompiler {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // Schemas come from requests: a bounded LRU, and ajv's own per-schema cache emptied after each
  // compile, so many distinct schemas cannot grow the process's memory.
  const cache = new LRUCache<string, ValidateFunction>({ max: CACHED_SCHEMAS });
  return {
    compile(schema) {
      const key = JSON.stringify(schema);
      const cached = cache.get(key);
      if (cached) return cached;
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
      compiled: (ajv as unknown as { _cache: Map<unknown, unknown> })._cache.size,
    }),
  };
}

/** ajv errors as readable lines naming the path, e.g. "/answer: must be string". */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '(root)'}: ${error.message ?? 'is invalid'}`);
}
