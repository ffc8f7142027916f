// What starting a workflow run takes — a spec or a saved name, plus the run flags a workflow honours —
// shared by the HTTP routes, the CLI and library callers.
import { z } from 'zod';
import { identifierSchema } from './identifier.js';

export const workflowRunFlagsSchema = z.object({
  tenant_id: identifierSchema.default('default'),
  offline: z.boolean().default(false),
  memory: z.boolean().default(true),
  guardrails: z.boolean().default(true),
  critic: z.boolean().default(false),
  supervisor: z.boolean().default(false),
});
export type WorkflowRunFlags = z.infer<typeof workflowRunFlagsSchema>;

export const workflowRunRequestSchema = workflowRunFlagsSchema
  .extend({
    /** A spec to run as is (validated before the run starts). */
    spec: z.unknown().optional(),
    /** The name of a saved workflow. */
    name: identifierSchema.optional(),
  })
  .refine((request) => (request.spec === undefined) !== (request.name === undefined), {
    message: 'give either `spec` or `name` (exactly one)',
    path: ['spec'],
  });
export type WorkflowRunRequest = z.input<typeof workflowRunRequestSchema>;
