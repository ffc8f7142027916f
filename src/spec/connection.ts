// The model connection as the API shows and changes it: the key is never echoed, only masked.
import { z } from 'zod';

export const PROVIDERS = ['offline', 'openai', 'anthropic', 'custom'] as const;
export const providerSchema = z.enum(PROVIDERS);
export type ProviderName = z.infer<typeof providerSchema>;

export const connectionViewSchema = z.object({
  provider: providerSchema,
  model: z.string(),
  api_base: z.string().nullable(),
  key_set: z.boolean(),
  key_masked: z.string().nullable().describe('At most the last 4 characters of the key'),
  configured: z.boolean(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;

export const connectionUpdateSchema = z
  .object({
    provider: providerSchema,
    model: z.string().min(1).max(200).optional(),
    api_key: z
      .string()
      .min(1)
      .max(1_000)
      .nullable()
      .optional()
      .describe('Omitted keeps the current key; null clears it. Held in memory only.'),
    api_base: z.string().url().max(2_000).nullable().optional(),
  })
  .refine((value) => value.provider !== 'custom' || Boolean(value.api_base), {
    message: 'custom (any OpenAI-compatible endpoint) needs api_base',
    path: ['api_base'],
  });
export type ConnectionUpdate = z.infer<typeof connectionUpdateSchema>;

export const connectionTestSchema = z.object({
  ok: z.boolean(),
  model: z.string(),
  latency_ms: z.number(),
  detail: z.string(),
});
export type ConnectionTestResult = z.infer<typeof connectionTestSchema>;
