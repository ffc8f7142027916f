// A role on the wire (GET /api/roles): a system prompt plus a tool allow-list given to a subtask's worker.
import { z } from 'zod';

export const roleDescriptorSchema = z.object({
  name: z.string(),
  description: z.string(),
  category: z.string(),
  system_prompt: z.string(),
  tools: z.array(z.string()).nullable().describe('Tool names this role may use; null means every tool'),
  tags: z.array(z.string()),
});
export type RoleDescriptor = z.infer<typeof roleDescriptorSchema>;
