// Run options: one zod schema shared by the run service, the CLI and every HTTP route that starts a run.
import { z } from 'zod';
import { type RunExtensions, type RunExtensionsInput, runExtensionsSchema } from './client-tools.js';
import { identifierSchema } from './identifier.js';

export const samplingSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    max_tokens: z.number().int().min(1).optional(),
    seed: z.number().int().optional(),
  })
  .strict();
export type Sampling = z.infer<typeof samplingSchema>;

/** A JSON Schema object supplied by a user; compiled with ajv where it is used (invalid → 422). */
export const jsonSchemaObjectSchema = z.record(z.string(), z.unknown());

export const runOptionsSchema = z.object({
  task: z.string().min(1).max(100_000),
  tenant_id: identifierSchema.default('default'),
  offline: z.boolean().default(false),
  model: z.string().min(1).max(200).nullable().default(null),
  memory: z.boolean().default(true),
  guardrails: z.boolean().default(true),
  single: z.boolean().default(false),
  llm_composer: z.boolean().default(false),
  critic: z.boolean().default(false),
  supervisor: z.boolean().default(false),
  react_steps: z.number().int().min(1).max(20).default(1),
  vote_k: z.number().int().min(1).max(15).default(1),
  final_schema: jsonSchemaObjectSchema.nullable().default(null),
  sampling: samplingSchema.nullable().default(null),
  // Accepted at top level too, folded into `sampling` by normalizeRunOptions.
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  max_tokens: z.number().int().min(1).optional(),
});

export type RunOptionsInput = z.input<typeof runOptionsSchema>;
/** Run options plus the extensions only library callers and the OpenAI surface set (not /run bodies). */
export type ExtendedRunOptionsInput = RunOptionsInput & RunExtensionsInput;
export type ParsedRunOptions = z.output<typeof runOptionsSchema>;

/** Run options after defaults and normalisation: what the graph and the stored run config hold. */
export interface RunOptions extends RunExtensions {
  task: string;
  tenant_id: string;
  offline: boolean;
  model: string | null;
  memory: boolean;
  guardrails: boolean;
  single: boolean;
  llm_composer: boolean;
  critic: boolean;
  supervisor: boolean;
  react_steps: number;
  vote_k: number;
  final_schema: Record<string, unknown> | null;
  sampling: Sampling | null;
}

/** Applies defaults, folds top-level sampling fields into `sampling`, and makes `supervisor` imply `critic`. */
export function normalizeRunOptions(input: ExtendedRunOptionsInput | ParsedRunOptions): RunOptions {
  const parsed = runOptionsSchema.parse(input);
  // Kept only when given, so stored options of ordinary runs stay as they were.
  const extensions = Object.fromEntries(
    Object.entries(runExtensionsSchema.parse(input)).filter(([, value]) => value !== undefined),
  ) as RunExtensions;
  const { temperature, top_p, max_tokens, ...rest } = parsed;
  let sampling: Sampling | null = parsed.sampling ? { ...parsed.sampling } : null;
  const topLevel: Sampling = {};
  if (temperature !== undefined) topLevel.temperature = temperature;
  if (top_p !== undefined) topLevel.top_p = top_p;
  if (max_tokens !== undefined) topLevel.max_tokens = max_tokens;
  if (Object.keys(topLevel).length > 0) sampling = { ...topLevel, ...(sampling ?? {}) };
  return { ...rest, ...extensions, sampling, critic: rest.critic || rest.supervisor };
}

/** The defaults of every run option but `task`, derived from the schema so they are stated once. */
export const RUN_OPTION_DEFAULTS: Omit<RunOptions, 'task'> = (() => {
  const { task: _task, ...defaults } = normalizeRunOptions({ task: 'defaults' });
  return defaults;
})();
