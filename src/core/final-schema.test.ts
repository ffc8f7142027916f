// Compiled final_schema validators are bounded: schemas come from requests, so many distinct ones
// must not grow what the process holds (neither our cache nor ajv's own).
import { describe, expect, it } from 'vitest';
import { createFinalSchemaCompiler } from './final-schema.js';

/** A compiler that has compiled once: ajv is loaded on the first compile and keeps its meta-schema. */
function warmCompiler() {
  const compiler = createFinalSchemaCompiler();
  compiler.compile({ type: 'string' });
  return compiler;
}

describe('final_schema compiler', () => {
  it('keeps its memory bounded over many distinct schemas and still validates', () => {
    const compiler = warmCompiler();
    const baseline = compiler.size().compiled;
    for (let index = 0; index < 1_000; index += 1) {
      const validate = compiler.compile({
        type: 'object',
        properties: { [`field${index}`]: { type: 'integer' } },
        required: [`field${index}`],
      });
      expect(validate({ [`field${index}`]: index })).toBe(true);
      expect(validate({ [`field${index}`]: 'x' })).toBe(false);
    }
    expect(compiler.size().validators).toBeLessThanOrEqual(64);
    expect(compiler.size().compiled).toBe(baseline);
  });

  it('returns the cached validator for a schema that comes back', () => {
    const compiler = createFinalSchemaCompiler();
    const schema = { type: 'object', properties: { answer: { type: 'string' } } };
    expect(compiler.compile(schema)).toBe(compiler.compile(JSON.parse(JSON.stringify(schema))));
  });

  it('rejects an invalid schema with a ValidationError naming final_schema', () => {
    const compiler = warmCompiler();
    const before = compiler.size().compiled;
    expect(() => compiler.compile({ type: 'no-such-type' })).toThrow(/final_schema: not a valid JSON Schema/);
    expect(compiler.size().compiled).toBe(before);
  });
});
