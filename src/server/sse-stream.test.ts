import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { BudgetExceededError, RiptideError } from '../errors/riptide-error.js';
import { installErrorHandlers } from './error-handler.js';
import { SseStreams } from './sse-stream.js';
import { parseSseFrames } from './test-support/parse-sse-frames.js';

/** A deferred promise the test resolves when the client has seen something. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

/** Reads a raw HTTP response, calling `onText` with everything received so far. */
function get(port: number, path: string, onText: (text: string, request: http.ClientRequest) => void) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        onText(text, request);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      response.on('error', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
  });
}

describe('SseStreams', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('sends event-stream headers, JSON frames and heartbeats, and ends after a terminal event', async () => {
    const sse = new SseStreams({ heartbeatMs: 5 });
    const pingSeen = deferred();
    app = Fastify();
    app.get('/stream', async (request, reply) =>
      sse.pipe(
        request,
        reply,
        async function* () {
          yield { event: 'token', text: 'hi' };
          // The stream stays open until the client has received a heartbeat comment.
          await pingSeen.promise;
          yield { event: 'done' };
          yield { event: 'token', text: 'never sent: the stream ended at done' };
        },
        (item, stream) => stream.send(item),
      ),
    );
    const port = await listen(app);
    const response = await get(port, '/stream', (text) => {
      if (text.includes(': ping\n\n')) pingSeen.resolve();
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-accel-buffering']).toBe('no');
    expect(parseSseFrames(response.text)).toEqual([{ event: 'token', text: 'hi' }, { event: 'done' }]);
    expect(sse.size).toBe(0);
  });

  it('opens the stream and sends heartbeats while the first event is slow to come', async () => {
    const sse = new SseStreams({ heartbeatMs: 5 });
    const pingSeen = deferred();
    app = Fastify();
    app.get('/slow-start', async (request, reply) =>
      sse.pipe(
        request,
        reply,
        async function* () {
          await pingSeen.promise;
          yield { event: 'result', value: 1 };
        },
        (item, stream) => stream.send(item),
      ),
    );
    const port = await listen(app);
    const response = await get(port, '/slow-start', (text) => {
      if (text.includes(': ping\n\n')) pingSeen.resolve();
    });
    expect(response.status).toBe(200);
    expect(parseSseFrames(response.text)).toEqual([{ event: 'result', value: 1 }]);
  });

  it('answers an error raised before the first event with its HTTP status, later ones as an error event', async () => {
    const sse = new SseStreams();
    app = Fastify();
    installErrorHandlers(app);
    app.get('/early', async (request, reply) =>
      sse.pipe(
        request,
        reply,
        // biome-ignore lint/correctness/useYield: the source fails before its first event
        async function* () {
          throw new BudgetExceededError('broke', 1, 0);
        },
        (item: { event: string }, stream) => stream.send(item),
      ),
    );
    app.get('/late', async (request, reply) =>
      sse.pipe(
        request,
        reply,
        async function* () {
          yield { event: 'token', text: 'a' };
          throw new Error('database password is hunter2');
        },
        (item, stream) => stream.send(item),
      ),
    );
    const early = await app.inject('/early');
    expect(early.statusCode).toBe(402);
    expect(early.json()).toMatchObject({ code: 'budget_exceeded' });
    const late = await app.inject('/late');
    expect(late.statusCode).toBe(200);
    expect(parseSseFrames(late.body)).toEqual([
      { event: 'token', text: 'a' },
      { event: 'error', detail: 'Internal Server Error', code: 'internal_error' },
    ]);
    expect(late.body).not.toContain('hunter2');
  });

  it('aborts the signal handed to the source when the client disconnects', async () => {
    const sse = new SseStreams();
    const aborted = deferred<unknown>();
    app = Fastify();
    app.get('/slow', async (request, reply) =>
      sse.pipe(
        request,
        reply,
        async function* (signal) {
          signal.addEventListener('abort', () => aborted.resolve(signal.reason));
          yield { event: 'token', text: 'first' };
          await new Promise((resolve) => signal.addEventListener('abort', resolve));
        },
        (item, stream) => stream.send(item),
      ),
    );
    const port = await listen(app);
    await get(port, '/slow', (text, request) => {
      if (text.includes('first')) request.destroy();
    });
    const reason = await aborted.promise;
    expect(RiptideError.is(reason) && reason.code).toBe('aborted');
  });

  it('ends every open stream with a shutting_down error event on closeAll', async () => {
    const sse = new SseStreams();
    const opened = deferred();
    app = Fastify();
    app.get('/open', async (request, reply) =>
      sse.pipe(
        request,
        reply,
        async function* (signal) {
          yield { event: 'token', text: 'x' };
          opened.resolve();
          await new Promise((resolve) => signal.addEventListener('abort', resolve));
        },
        (item, stream) => stream.send(item),
      ),
    );
    const port = await listen(app);
    const pending = get(port, '/open', () => undefined);
    await opened.promise;
    sse.closeAll();
    const response = await pending;
    expect(parseSseFrames(response.text)).toEqual([
      { event: 'token', text: 'x' },
      { event: 'error', detail: 'the server is shutting down', code: 'shutting_down' },
    ]);
  });
});
