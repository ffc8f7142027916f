// Compiles tools' JSON Schemas with ajv (once per tool) and turns ajv errors into messages that
// name the offending field, e.g. "arguments.expression: must be string".
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from './tool-spec.js';

// ajv-formats ships CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv | Ajv2020) => unknown;

export type ArgumentsCheck = (value: unknown) => string[];

export interface ArgumentsValidator {
  /** Compiles a schema; throws when the schema itself is invalid. */
  compile(schema: JsonSchema): ArgumentsCheck;
  /**
   * Checks a schema against its meta-schema now and compiles it on first use: compiling ~200
   * tool schemas eagerly costs seconds of start-up, and most tools are never called.
   */
  prepare(schema: JsonSchema): ArgumentsCheck;
}

export function createArgumentsValidator(): ArgumentsValidator {
  let draft7: Ajv | undefined;
  let draft2020: Ajv2020 | undefined;
  // Tools from MCP servers declare either dialect; pick the compiler their $schema asks for.
  const compilerFor = (schema: JsonSchema): Ajv | Ajv2020 => {
    if (typeof schema.$schema === 'string' && schema.$schema.includes('2020-12')) {
      draft2020 ??= configure(new Ajv2020({ allErrors: true, strict: false, useDefaults: true }));
      return draft2020;
    }
    draft7 ??= configure(new Ajv({ allErrors: true, strict: false, useDefaults: true }));
    return draft7;
  };
  const compile = (schema: JsonSchema): ArgumentsCheck => {
    const { $schema: _dialect, $id: _id, ...body } = schema;
    const validate: ValidateFunction = compilerFor(schema).compile(body);
    return (value) => (validate(value) ? [] : formatErrors(validate.errors ?? []));
  };
  return {
    compile,
    prepare(schema) {
      const { $schema: _dialect, $id: _id, ...body } = schema;
      const compiler = compilerFor(schema);
      if (!compiler.validateSchema(body)) {
        throw new Error(compiler.errorsText(compiler.errors, { dataVar: 'schema' }));
      }
      let check: ArgumentsCheck | undefined;
      return (value) => {
        check ??= compile(schema);
        return check(value);
      };
    },
  };
}

function configure<T extends Ajv | Ajv2020>(ajv: T): T {
  addFormats(ajv);
  return ajv;
}

function fieldPath(instancePath: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  return `arguments${parts.map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`)).join('')}`;
}

export function formatErrors(errors: readonly ErrorObject[]): string[] {
  const messages = errors.map((error) => {
    const at = fieldPath(error.instancePath);
    if (error.keyword === 'required')
      return `${at}.${(error.params as { missingProperty: string }).missingProperty}: is required`;
    if (error.keyword === 'additionalProperties')
      return `${at}.${(error.params as { additionalProperty: string }).additionalProperty}: is not allowed`;
    if (error.keyword === 'enum')
      return `${at}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    return `${at}: ${error.message ?? 'is invalid'}`;
  });
  return [...new Set(messages)];
}
