// Query-string versions of the run options, for the SSE routes (EventSource can only GET): booleans
// and numbers arrive as text and JSON-valued options (final_schema, sampling) as JSON text.
import { z } from 'zod';
import { identifierSchema } from '../spec/identifier.js';
import { jsonSchemaObjectSchema, samplingSchema } from '../spec/run-options.js';

export const queryBoolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const queryNumber = (schema: z.ZodNumber) => z.coerce.number().pipe(schema);

/** A JSON text that must parse and match `schema`. */
export const queryJson = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** Sampling knobs accepted at the top level of a query string. */
export const samplingQueryShape = {
  temperature: queryNumber(z.number().min(0).max(2)).optional(),
  top_p: queryNumber(z.number().min(0).max(1)).optional(),
  max_tokens: queryNumber(z.number().int().min(1)).optional(),
  seed: queryNumber(z.number().int()).optional(),
};

/** The run options as a query string; the run service applies the defaults. */
export const runOptionsQuerySchema = z.object({
  task: z.string().min(1).max(100_000).describe('What to do'),
  tenant_id: identifierSchema.optional(),
  offline: queryBoolean.optional(),
  model: z.string().min(1).max(200).optional(),
  memory: queryBoolean.optional(),
  guardrails: queryBoolean.optional(),
  single: queryBoolean.optional(),
  llm_composer: queryBoolean.optional(),
  critic: queryBoolean.optional(),
  supervisor: queryBoolean.optional(),
  react_steps: queryNumber(z.number().int().min(1).max(20)).optional(),
  vote_k: queryNumber(z.number().int().min(1).max(15)).optional(),
  final_schema: queryJson(jsonSchemaObjectSchema).optional().describe('A JSON Schema object, as JSON text'),
  sampling: queryJson(samplingSchema).optional().describe('Sampling knobs, as JSON text'),
  temperature: samplingQueryShape.temperature,
  top_p: samplingQueryShape.top_p,
  max_tokens: samplingQueryShape.max_tokens,
});
export type RunOptionsQuery = z.output<typeof runOptionsQuerySchema>;
