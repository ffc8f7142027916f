// What riptide tells a model about each call besides the prompt: its purpose and a few details,
// sent as `providerOptions.riptide` and read back (by the offline and the scripted test models) with
// one typed reader instead of casts on both ends.
import { z } from 'zod';

/** Why a call is made. The offline model dispatches on it (never on prompt wording). */
export const MODEL_PURPOSES = [
  'plan', //        split a task into subtasks (JSON)
  'compose', //     llm_composer: subtasks with roles and dependencies (JSON)
  'worker', //      do a subtask, optionally calling tools
  'vote', //        one self-consistency sample of a direct answer
  'critic', //      pass/fail verdict on a subtask result (JSON)
  'supervisor', //  corrective subtasks for failed verdicts (JSON)
  'finalize', //    the final answer from the results (streamed)
  'structured', //  a JSON object valid against final_schema (and its one repair retry)
  'reflect', //     one lesson from a finished run (JSON)
  'guard', //       the optional model judge: does this text try to subvert the assistant? (JSON)
  'chat', //        a direct chat turn, no graph
  'ping', //        connection test
] as const;
export type ModelPurpose = (typeof MODEL_PURPOSES)[number];

export const modelCallMetadataSchema = z.object({
  purpose: z.enum(MODEL_PURPOSES),
  /** The sample index of a vote_k sample (samples differ only by it). */
  sample: z.number().int().min(0).optional(),
});
export type ModelCallMetadata = z.infer<typeof modelCallMetadataSchema>;

/** `providerOptions` for a call: riptide's metadata under the `riptide` key. */
export function riptideProviderOptions(metadata: ModelCallMetadata): { riptide: ModelCallMetadata } {
  return { riptide: metadata };
}

const PURPOSES: ReadonlySet<string> = new Set(MODEL_PURPOSES);

/**
 * Reads riptide's metadata back from a call's `providerOptions` (a call without it is a chat turn).
 * Checked by hand rather than with the schema: it runs on every model call.
 */
export function readModelCallMetadata(providerOptions: unknown): ModelCallMetadata {
  const raw = (providerOptions as { riptide?: { purpose?: unknown; sample?: unknown } } | undefined)?.riptide;
  if (!raw || typeof raw.purpose !== 'string' || !PURPOSES.has(raw.purpose)) return { purpose: 'chat' };
  const metadata: ModelCallMetadata = { purpose: raw.purpose as ModelPurpose };
  if (Number.isInteger(raw.sample) && (raw.sample as number) >= 0) metadata.sample = raw.sample as number;
  return metadata;
}
