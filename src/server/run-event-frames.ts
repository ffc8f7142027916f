// How run events (spec/run-events.ts) become SSE frames (spec/stream-frames.ts) on each streaming
// route: the one place they are mapped.
// `/run/stream` speaks composition/token/final, the trace routes node/result, and the workflow
// stream adds per-step progress (`step`) so the Studio can light up each node.
import type { FastifyRequest } from 'fastify';
import type { RunEvent } from '../spec/run-events.js';
import type { SseStream } from './sse-stream.js';

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
    case 'model_call':
    case 'tool_call':
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
    case 'model_call':
    case 'tool_call':
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
