// SSE ids and Last-Event-ID for the routes that start a run from their query (/run/stream,
// /api/run/trace, the session and workflow streams). Every frame made from a stored run event carries
// `id: <thread_id>:<seq>` (the event's number among the run's stored events), the terminal frame the
// next number; answer tokens are not stored and carry none. A client that reconnects with
// Last-Event-ID — an EventSource does so by itself — gets the stored run's events after that one and
// its outcome, and the run is not started a second time (a repeat would repeat its side effects).
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Riptide } from '../riptide-types.js';
import { type ErrorEvent, isStoredRunEvent, type RunEvent } from '../spec/run-events.js';
import type { RunFrameMapper } from './run-event-frames.js';
import { tenantScope } from './security/request-principal.js';
import { assertRunVisible } from './security/run-visibility.js';
import type { SseStreams } from './sse-stream.js';

const RUN_EVENT_ID = /^([A-Za-z0-9_-][A-Za-z0-9._-]{0,127}):(\d{1,15})$/;

/** The `Last-Event-ID` header these routes accept: an `id:` this kind of stream sent. */
export const runStreamHeadersSchema = z.object({
  'last-event-id': z
    .string()
    .regex(RUN_EVENT_ID, 'must be the id of an event of this kind of stream (<thread_id>:<seq>)')
    .optional()
    .describe('Reconnect: replay the stored run named by the id from after that event, instead of starting a run'),
});

export function runEventId(threadId: string, seq: number): string {
  return `${threadId}:${seq}`;
}

/** The thread and event an id names, or null for anything else. */
export function parseRunEventId(id: string): { threadId: string; seq: number } | null {
  const match = RUN_EVENT_ID.exec(id);
  return match ? { threadId: match[1], seq: Number(match[2]) } : null;
}

interface NumberedFrame {
  event: RunEvent | ErrorEvent;
  id: string | undefined;
}

/** Numbers a fresh run's events the way the store numbers them (from 0, stored kinds only). */
async function* numberLiveEvents(threadId: string, events: AsyncIterable<RunEvent>): AsyncGenerator<NumberedFrame> {
  let seq = 0;
  for await (const event of events) {
    if (isStoredRunEvent(event)) {
      yield { event, id: runEventId(threadId, seq) };
      seq += 1;
    } else {
      yield { event, id: event.event === 'result' ? runEventId(threadId, seq) : undefined };
    }
  }
}

/** The stored run's events after `afterSeq`, then live ones until it ends, with the same ids. */
async function* replayStoredRun(
  riptide: Riptide,
  threadId: string,
  afterSeq: number,
  signal: AbortSignal,
): AsyncGenerator<NumberedFrame> {
  for await (const frame of riptide.background.join(threadId, afterSeq, signal)) {
    yield { event: frame.data as RunEvent | ErrorEvent, id: runEventId(threadId, Number(frame.id)) };
  }
}

/** Where a run stream's response goes and how its events become frames. */
export interface RunStreamTarget {
  riptide: Riptide;
  sse: SseStreams;
  request: FastifyRequest;
  reply: FastifyReply;
  toFrame: RunFrameMapper;
}

export interface ResumableRunStream extends RunStreamTarget {
  /** Starts the run under the given thread id (named up front: the ids carry it). */
  start(signal: AbortSignal, threadId: string): AsyncIterable<RunEvent>;
}

/** The event a reconnecting client last saw (its validated Last-Event-ID), or null for a new stream. */
export function lastRunEventOf(request: FastifyRequest): { threadId: string; seq: number } | null {
  const lastEventId = (request.headers as { 'last-event-id'?: string })['last-event-id'];
  return lastEventId === undefined ? null : parseRunEventId(lastEventId);
}

/** The rest of the stored run after the event a reconnecting client last saw. */
export async function pipeRunReplay(
  target: RunStreamTarget,
  from: { threadId: string; seq: number },
): Promise<FastifyReply> {
  const { riptide, request } = target;
  await assertRunVisible(riptide.store, from.threadId, tenantScope(request));
  return pipeNumbered(target, (signal) => replayStoredRun(riptide, from.threadId, from.seq, signal));
}

/** Streams a new run, or — with Last-Event-ID — the rest of the stored run the id names. */
export async function pipeResumableRunStream(route: ResumableRunStream): Promise<FastifyReply> {
  const from = lastRunEventOf(route.request);
  if (from) return pipeRunReplay(route, from);
  const threadId = randomUUID();
  return pipeNumbered(route, (signal) => numberLiveEvents(threadId, route.start(signal, threadId)));
}

function pipeNumbered(
  { sse, request, reply, toFrame }: RunStreamTarget,
  source: (signal: AbortSignal) => AsyncIterable<NumberedFrame>,
): Promise<FastifyReply> {
  return sse.pipe(request, reply, source, ({ event, id }, stream) => {
    if (event.event === 'error') stream.send(event, id);
    else toFrame(event, stream, request, id);
  });
}
