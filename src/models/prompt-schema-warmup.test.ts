import { modelMessageSchema } from 'ai';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { warmUpPromptSchema } from './prompt-schema-warmup.js';

/** The `z.lazy` schemas reachable from a schema whose inner schema zod has not resolved yet. */
function unresolvedLazies(root: z.ZodType): number {
  const seen = new Set<unknown>();
  let unresolved = 0;
  const visit = (schema: unknown): void => {
    const internals = (schema as { _zod?: { def: Record<string, unknown> } } | undefined)?._zod;
    if (!internals || seen.has(schema)) return;
    seen.add(schema);
    const def = internals.def;
    if (def.type === 'lazy') {
      if (def._cachedInner) visit(def._cachedInner);
      else unresolved += 1;
      return;
    }
    if (def.type === 'object') for (const child of Object.values(def.shape as object)) visit(child);
    for (const key of ['element', 'keyType', 'valueType', 'innerType', 'in', 'out', 'left', 'right', 'catchall']) {
      visit(def[key]);
    }
    for (const key of ['options', 'items']) for (const child of (def[key] as unknown[] | undefined) ?? []) visit(child);
  };
  visit(root);
  return unresolved;
}

describe('prompt schema warm-up', () => {
  it('leaves no lazy part of the AI SDK prompt schema unresolved, so zod caches its cycle check', () => {
    // Plain prompts (no providerOptions) never reach the lazy JSON-value schema.
    modelMessageSchema.safeParse({ role: 'user', content: 'compute 21 * 2' });
    expect(unresolvedLazies(modelMessageSchema)).toBeGreaterThan(0);
    warmUpPromptSchema();
    expect(unresolvedLazies(modelMessageSchema)).toBe(0);
    expect(modelMessageSchema.safeParse({ role: 'user', content: 'still valid' }).success).toBe(true);
  });
});
