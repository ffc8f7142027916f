// GET /api/meta: what a client (the Studio) needs to draw itself.
import { z } from 'zod';
import { connectionViewSchema, providerSchema } from './connection.js';

export const metaSchema = z.object({
  version: z.string(),
  defaults: z.record(z.string(), z.unknown()).describe('Run option defaults'),
  models: z.array(z.string()),
  current_model: z.string(),
  providers: z.array(providerSchema),
  tool_count: z.number().int(),
  role_count: z.number().int(),
  role_names: z.array(z.string()),
  tool_categories: z.array(z.string()),
  role_categories: z.array(z.string()),
  connection: connectionViewSchema,
  mcp: z.object({ enabled: z.boolean(), connected: z.array(z.string()) }),
});
export type Meta = z.infer<typeof metaSchema>;
