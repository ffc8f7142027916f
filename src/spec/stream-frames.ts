// The `data:` frames of each SSE route, built from the run events' own schemas: what the OpenAPI
// document shows for the streams and what a client (the Studio) parses.
import { z } from 'zod';
import {
  chatEventSchema,
  compositionEventSchema,
  errorEventSchema,
  nodeEventSchema,
  pendingEventSchema,
  resultEventSchema,
  stepEventSchema,
  tokenEventSchema,
} from './run-events.js';
import { runResultSchema } from './run-result.js';

/** `/run/stream`: composition, answer tokens, then the final answer with the result. */
export const runStreamFrameSchema = z
  .discriminatedUnion('event', [
    compositionEventSchema,
    tokenEventSchema,
    z
      .object({ event: z.literal('final'), answer: z.string(), result: runResultSchema })
      .describe('The run finished: its answer and result'),
    pendingEventSchema,
    errorEventSchema,
  ])
  .describe('One `data:` frame of the stream');

/** The trace routes: a frame per executed graph node, then the result. */
export const traceFrameSchema = z
  .discriminatedUnion('event', [nodeEventSchema, resultEventSchema, pendingEventSchema, errorEventSchema])
  .describe('One `data:` frame of the stream');

/** The workflow stream: the trace frames plus a `step` frame as each workflow node starts and ends. */
export const workflowTraceFrameSchema = z
  .discriminatedUnion('event', [...traceFrameSchema.options, stepEventSchema])
  .describe('One `data:` frame of the stream');

/** `/api/chat/stream`: answer tokens, then `done` with the usage. */
export const chatFrameSchema = z
  .discriminatedUnion('event', [...chatEventSchema.options, errorEventSchema])
  .describe('One `data:` frame of the stream');

export type RunStreamFrame = z.infer<typeof runStreamFrameSchema>;
export type TraceFrame = z.infer<typeof traceFrameSchema>;
export type WorkflowTraceFrame = z.infer<typeof workflowTraceFrameSchema>;
export type ChatFrame = z.infer<typeof chatFrameSchema>;
/** Any frame of any riptide stream. */
export type StreamFrame = RunStreamFrame | WorkflowTraceFrame | ChatFrame;
