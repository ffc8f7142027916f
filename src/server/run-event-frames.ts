// How run events (spec/run-events.ts) become SSE frames (spec/stream-frames.ts) on each streaming
// route: the one place they are mapped.
// `/run/stream` speaks composition/token/final, the trace routes node/result, and the workflow
// stream adds per-step progress (`step`) so the Studio can light up each node. `id` is the frame's
// SSE id (resumable-run-stream.ts numbers them); frames without one keep the client's last id.
import type { FastifyRequest } from 'fastify';
import type { RunEvent } from '../spec/run-events.js';
import type { SseStream } from './sse-stream.js';

/** Writes the frames (zero or one) of one run event. */
export type RunFrameMapper = (event: RunEvent, stream: SseStream, request: FastifyRequest, id?: string) => void;

/** A run paused for a human ends the stream: it is resumable through /api/run/{thread_id}/resume. */
function sendPending(
  event: Extract<RunEvent, { event: 'pending' }>,
  stream: SseStream,
  request: FastifyRequest,
  id: string | undefined,
): void {
  request.riptideThreadId = event.thread_id;
  stream.send({ event: 'pending', thread_id: event.thread_id, action: event.action }, id);
  stream.end();
}

export const toRunStreamFrame: RunFrameMapper = (event, stream, request, id) => {
  switch (event.event) {
    case 'composition':
      stream.send({ event: 'composition', mode: event.mode, blocked: event.blocked, plan: event.plan }, id);
      return;
    case 'token':
      stream.send({ event: 'token', text: event.text }, id);
      return;
    case 'node':
    case 'step':
    case 'model_call':
    case 'tool_call':
      return;
    case 'pending':
      sendPending(event, stream, request, id);
      return;
    case 'result':
      request.riptideThreadId = event.result.thread_id;
      stream.send({ event: 'final', answer: event.result.final_answer, result: event.result }, id);
      return;
    default:
      assertNever(event);
  }
};

export const toTraceFrame: RunFrameMapper = (event, stream, request, id) => {
  switch (event.event) {
    case 'node':
      stream.send({ event: 'node', name: event.name, duration_ms: event.duration_ms }, id);
      return;
    // Steps stay off the generic trace routes: their contract is node events, then the result.
    case 'composition':
    case 'token':
    case 'step':
    case 'model_call':
    case 'tool_call':
      return;
    case 'pending':
      sendPending(event, stream, request, id);
      return;
    case 'result':
      request.riptideThreadId = event.result.thread_id;
      stream.send({ event: 'result', result: event.result }, id);
      return;
    default:
      assertNever(event);
  }
};

/** The workflow stream: the trace frames plus a `step` frame as each workflow node starts and ends. */
export const toWorkflowTraceFrame: RunFrameMapper = (event, stream, request, id) => {
  if (event.event !== 'step') {
    toTraceFrame(event, stream, request, id);
    return;
  }
  // A step event already has exactly the frame's shape.
  stream.send({ ...event }, id);
};

function assertNever(value: never): never {
  throw new Error(`unhandled run event ${JSON.stringify(value)}`);
}
