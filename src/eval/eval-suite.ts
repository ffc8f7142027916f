// The eval suite format: tasks with a prompt, run options and expectations on the outcome. Suites are
// JSON or YAML files (load-eval-suite.ts) validated with this schema.
import { z } from 'zod';
import { identifierSchema } from '../spec/identifier.js';
import { jsonSchemaObjectSchema, type RunOptionsInput, runOptionsSchema } from '../spec/run-options.js';

const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const evalExpectationsSchema = z
  .object({
    /** Must appear in the final answer (case-insensitive); a list means every one must. */
    substring: oneOrMany.optional(),
    /** Must not appear in the final answer (case-insensitive), e.g. a result the critic excluded. */
    absent: oneOrMany.optional(),
    mode: z.enum(['single', 'swarm', 'blocked']).optional(),
    blocked: z.boolean().optional(),
    /** A tool that must have been called validly at least once. */
    tool: z.string().min(1).optional(),
    /** `structured` must be valid against this JSON Schema (also sent as final_schema unless the options set one). */
    structured: jsonSchemaObjectSchema.optional(),
    /** The run must stop for a human (true: any stop; or that kind of stop) — or, when false, must not. */
    pending: z.union([z.boolean(), z.enum(['tool_approval', 'clarification'])]).optional(),
    /** At least this many critic verdicts must be `fail`. */
    failed_verdicts: z.number().int().min(0).optional(),
    max_tokens: z.number().int().min(0).optional(),
    max_cost_usd: z.number().min(0).optional(),
    /** On the repeated run, lessons must (true) or must not (false) have been recalled. */
    recalled: z.boolean().optional(),
  })
  .strict();
export type EvalExpectations = z.infer<typeof evalExpectationsSchema>;

const taskRunOptionsSchema = runOptionsSchema.omit({ task: true }).strict();

export const evalTaskSchema = z
  .object({
    id: identifierSchema,
    prompt: z.string().min(1).max(100_000),
    tags: z.array(z.string()).default([]),
    /**
     * Run options besides the task. Kept as written (validated, not defaulted) so the harness can tell
     * "offline: false on purpose" from "not said".
     */
    options: z
      .record(z.string(), z.unknown())
      .default({})
      .superRefine((options, context) => {
        const parsed = taskRunOptionsSchema.safeParse(options);
        if (!parsed.success) for (const issue of parsed.error.issues) context.addIssue({ ...issue } as never);
      })
      .transform((options) => options as Omit<RunOptionsInput, 'task'>),
    /** Stop at approvals and clarifications (needed for a `pending` expectation). */
    interactive: z.boolean().default(false),
    /** Run the same prompt a second time in the same data set; expectations apply to the second run. */
    repeat: z.boolean().default(false),
    expect: evalExpectationsSchema.default({}),
  })
  .strict()
  .superRefine((task, context) => {
    if (task.expect.recalled !== undefined && !task.repeat) {
      context.addIssue({ code: 'custom', path: ['expect', 'recalled'], message: 'needs `repeat: true`' });
    }
    if (task.expect.pending !== undefined && task.expect.pending !== false && !task.interactive) {
      context.addIssue({ code: 'custom', path: ['expect', 'pending'], message: 'needs `interactive: true`' });
    }
  });
export type EvalTask = z.infer<typeof evalTaskSchema>;
export type EvalTaskInput = z.input<typeof evalTaskSchema>;

export const evalSuiteSchema = z
  .object({
    name: z.string().min(1).default('suite'),
    description: z.string().default(''),
    tasks: z.array(evalTaskSchema).min(1),
  })
  .strict()
  .superRefine((suite, context) => {
    const seen = new Set<string>();
    suite.tasks.forEach((task, index) => {
      if (seen.has(task.id)) {
        context.addIssue({ code: 'custom', path: ['tasks', index, 'id'], message: `duplicate task id '${task.id}'` });
      }
      seen.add(task.id);
    });
  });
export type EvalSuite = z.infer<typeof evalSuiteSchema>;
export type EvalSuiteInput = z.input<typeof evalSuiteSchema>;
