// Resolves, once per process, the lazy (recursive) parts of the AI SDK's prompt schema. Every
// generateText/streamText call validates its messages against a fresh `z.array(modelMessageSchema)`,
// and zod's cycle check walks the whole schema tree on each such parse while the JSON-value schema
// behind `providerOptions` is still an unresolved `z.lazy` (riptide's messages never carry
// providerOptions, so nothing ever resolves it). The walk cost ~70 µs of CPU and a quarter of a busy
// server's allocations per model call; once the lazy is resolved zod caches its answer per schema.
import { modelMessageSchema } from 'ai';

/** A message whose providerOptions reach every branch of the JSON-value schema. */
const SAMPLE_MESSAGE = {
  role: 'user',
  content: 'warm-up',
  providerOptions: { warmup: { value: [1, 'text', null, true, { nested: [{}] }] } },
};

let warmed = false;

export function warmUpPromptSchema(): void {
  if (warmed) return;
  warmed = true;
  modelMessageSchema.safeParse(SAMPLE_MESSAGE);
}
