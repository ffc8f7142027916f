// How run events become SSE frames on each streaming route, with the event schemas the OpenAPI
// document shows for them. `/run/stream` speaks composition/token/final, the trace routes node/result,
// and the workflow stream adds per-step progress (`step`) so the Studio can light up each node.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pendingActionSchema, runResultSchema } from '../core/run-result.js';
import type { RunEvent } from '../core/run-service.js';
import type { SseStream } from './sse-stream.js';

const errorEventSchema = z.object({ event: z.literal('error'), detail: z.string(), code: z.string() });
const pendingEventSchema = z.object({
  event: z.literal('pending'),
  thread_id: z.string(),
  action: pendingActionSchema,
});

export const runStreamEventSchema = z
  .discriminatedUnion('event', [
    z.object({
      event: z.literal('composition'),
      mode: z.enum(['single', 'swarm', 'blocked']),
      blocked: z.boolean(),
      plan: z.array(z.string()),
    }),
    z.object({ event: z.literal('token'), text: z.string() }),
    z.object({ event: z.literal('final'), answer: z.string(), result: runResultSchema }),
    pendingEventSchema,
    errorEventSchema,
  ])
  .describe('One `data:` frame of the stream');

export const traceEventSchema = z
  .discriminatedUnion('event', [
    z.object({ event: z.literal('node'), name: z.string(), duration_ms: z.number() }),
    z.object({ event: z.literal('result'), result: runResultSchema }),
    pendingEventSchema,
    errorEventSchema,
  ])
  .describe('One `data:` frame of the stream');

/** Per-subtask progress, sent only where a client maps it onto a plan (the workflow stream). */
export const stepEventSchema = z
  .object({
    event: z.literal('step'),
    step_id: z.string().nullable().describe("The workflow node's id (null for a supervisor's corrective subtask)"),
    index: z.number().int().describe('Position of the subtask in the plan'),
    subtask: z.string(),
    role: z.string().describe('The role running it (on completion, the role a handoff moved it to)'),
    status: z.enum(['started', 'completed', 'failed']),
  })
  .describe('A subtask started or finished');

/** A run paused for a human ends the stream: it is resumable through /api/run/{thread_id}/resume. */
function sendPending(event: Extract<RunEvent, { event: 'pending' }>, stream: SseStream, request: FastifyRequest): void {
  request.riptideThreadId = event.thread_id;
  stream.send({ event: 'pending', thread_id: event.thread_id, action: event.action });
  stream.end();
}

export function toRunStreamFrame(event: RunEvent, stream: SseStream, request: FastifyRequest): void {
  switch (event.event) {
    case 'composition':
      stream.send({ event: 'composition', mode: event.mode, blocked: event.blocked, plan: event.plan });
      return;
    case 'token':
      stream.send({ event: 'token', text: event.text });
      return;
    case 'node':
    case 'step':
      return;
    case 'pending':
      sendPending(event, stream, request);
      return;
    case 'result':
      request.riptideThreadId = event.result.thread_id;
      stream.send({ event: 'final', answer: event.result.final_answer, result: event.result });
      return;
    default:
      assertNever(event);
  }
}

export function toTraceFrame(event: RunEvent, stream: SseStream, request: FastifyRequest): void {
  switch (event.event) {
    case 'node':
      stream.send({ event: 'node', name: event.name, duration_ms: event.duration_ms });
      return;
    // Steps stay off the generic trace routes: their contract is node events, then the result.
    case 'composition':
    case 'token':
    case 'step':
      return;
    case 'pending':
      sendPending(event, stream, request);
      return;
    case 'result':
      request.riptideThreadId = event.result.thread_id;
      stream.send({ event: 'result', result: event.result });
      return;
    default:
      assertNever(event);
  }
}

/** The workflow stream: the trace frames plus a `step` frame as each workflow node starts and ends. */
export function toWorkflowTraceFrame(event: RunEvent, stream: SseStream, request: FastifyRequest): void {
  if (event.event !== 'step') {
    toTraceFrame(event, stream, request);
    return;
  }
  // A step event already has exactly the frame's shape.
  stream.send({ ...event });
}

function assertNever(value: never): never {
  throw new Error(`unhandled run event ${JSON.stringify(value)}`);
}
