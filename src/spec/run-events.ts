// The events of a run, as one discriminated union on `event`: what the graph emits while a run
// executes, what RunService streams, and (mapped in one place, server/run-event-frames.ts) the SSE
// frames of every streaming route.
import { z } from 'zod';
import { MODEL_PURPOSES } from './model-call.js';
import { pendingActionSchema, runResultSchema } from './run-result.js';

export const compositionEventSchema = z.object({
  event: z.literal('composition'),
  mode: z.enum(['single', 'swarm', 'blocked']),
  blocked: z.boolean(),
  plan: z.array(z.string()),
});

export const nodeEventSchema = z
  .object({ event: z.literal('node'), name: z.string(), duration_ms: z.number() })
  .describe('A graph node finished');

export const tokenEventSchema = z
  .object({ event: z.literal('token'), text: z.string() })
  .describe('A delta of the final answer');

export const stepEventSchema = z
  .object({
    event: z.literal('step'),
    step_id: z.string().nullable().describe("The workflow node's id (null for planned or corrective subtasks)"),
    index: z.number().int().describe('Position of the subtask in the plan'),
    subtask: z.string(),
    role: z.string().describe('The role running it (on completion, the role a handoff moved it to)'),
    status: z.enum(['started', 'completed', 'failed']),
  })
  .describe('A subtask started or finished');

export const pendingEventSchema = z
  .object({ event: z.literal('pending'), thread_id: z.string(), action: pendingActionSchema })
  .describe('The run stopped for a human; resume it through /api/run/{thread_id}/resume');

export const resultEventSchema = z
  .object({ event: z.literal('result'), result: runResultSchema })
  .describe('The run finished');

export const modelCallEventSchema = z
  .object({
    event: z.literal('model_call'),
    node: z.string().describe('The graph node that made the call'),
    purpose: z.enum(MODEL_PURPOSES),
    subtask_index: z.number().int().nullable().describe('The plan step the call worked on, if any'),
    provider: z.string(),
    model: z.string(),
    prompt: z.string().describe("The call's task prompt (after the run's input redaction), truncated"),
    response: z.string().describe("The model's text, truncated"),
    tool_calls: z.array(z.string()).describe('Names of the tools the model asked for'),
    finish_reason: z.string(),
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    cost_usd: z.number(),
    latency_ms: z.number(),
  })
  .describe('A model call finished');

export const toolCallEventSchema = z
  .object({
    event: z.literal('tool_call'),
    node: z.string(),
    subtask_index: z.number().int(),
    tool: z.string(),
    arguments: z.unknown().describe('The arguments as the model sent them'),
    status: z.enum(['ok', 'error']),
    error_kind: z
      .string()
      .nullable()
      .describe('Why the call failed (unknown_tool, schema_violation, tool_error, denied, …)'),
    output: z.string().describe('The result the model saw, truncated'),
    duration_ms: z.number(),
  })
  .describe('A tool call finished (or was refused)');

export const runEventSchema = z.discriminatedUnion('event', [
  compositionEventSchema,
  nodeEventSchema,
  tokenEventSchema,
  stepEventSchema,
  modelCallEventSchema,
  toolCallEventSchema,
  pendingEventSchema,
  resultEventSchema,
]);

export type RunEvent = z.infer<typeof runEventSchema>;
export type StepEvent = z.infer<typeof stepEventSchema>;
export type ModelCallEvent = z.infer<typeof modelCallEventSchema>;
export type ToolCallEvent = z.infer<typeof toolCallEventSchema>;
export type RunEventName = RunEvent['event'];

/**
 * Whether a run keeps the event in the store (numbered in order from 0 across the run's invocations):
 * answer tokens are many and the result carries the answer, so neither is kept. Streams number their
 * `id:` lines by the same rule, so a reconnect's replay continues where the stream stopped.
 */
export function isStoredRunEvent(event: RunEvent): boolean {
  return event.event !== 'token' && event.event !== 'result';
}

/** The terminal frame of a stream that failed after it started. */
export const errorEventSchema = z
  .object({
    event: z.literal('error'),
    detail: z
      .union([z.string(), z.array(z.string())])
      .describe('What went wrong; a list of problems for invalid input'),
    code: z.string(),
  })
  .describe('The stream failed; it closes after this frame');
export type ErrorEvent = z.infer<typeof errorEventSchema>;

export const chatEventSchema = z.discriminatedUnion('event', [
  tokenEventSchema,
  z.object({
    event: z.literal('done'),
    usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }).optional(),
  }),
]);
export type ChatEvent = z.infer<typeof chatEventSchema>;
