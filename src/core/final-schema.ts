// final_schema: the user's JSON Schema compiled with ajv before a run starts (invalid → a
// ValidationError, which the API answers with 422) and the validator used on the structured output.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ValidationError } from '../errors/riptide-error.js';

// ajv-formats ships CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv) => unknown;

export interface FinalSchemaCompiler {
  /** Compiles (and caches) a schema; throws ValidationError naming the problem when it is invalid. */
  compile(schema: Record<string, unknown>): ValidateFunction;
}

export function createFinalSchemaCompiler(): FinalSchemaCompiler {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const cache = new Map<string, ValidateFunction>();
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
      }
      if (cache.size > 100) cache.clear();
      cache.set(key, validate);
      return validate;
    },
  };
}

/** ajv errors as readable lines naming the path, e.g. "/answer: must be string". */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '(root)'}: ${error.message ?? 'is invalid'}`);
}
