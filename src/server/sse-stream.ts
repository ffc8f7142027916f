// Server-sent events: one helper that opens a `text/event-stream` response, writes `data: <json>`
// frames, keeps the connection alive with `: ping` comments, ends after a terminal event, and turns
// a client disconnect (or server shutdown) into an aborted AbortSignal for the run behind it.
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RiptideError } from '../errors/riptide-error.js';
import { abortOnDisconnect } from './abort-on-disconnect.js';
import { resolveError } from './error-handler.js';

/** Events after which a stream closes (API.md: final, result, done, error). */
const TERMINAL_EVENTS = new Set(['final', 'result', 'done', 'error']);

/** Writes SSE data frames to one client. */
export interface SseStream {
  /** Aborted when the client disconnects or the server shuts down; hand it to the run service. */
  readonly signal: AbortSignal;
  /** True once the stream has ended (terminal event, error, disconnect or shutdown). */
  readonly ended: boolean;
  /** Sends one JSON frame; a terminal `event` ends the stream after it is written. */
  send(data: { event?: string; [key: string]: unknown }, id?: string): void;
  /** Sends a raw `data:` payload (the OpenAI wire format's `[DONE]`). */
  sendRaw(text: string): void;
  /** Sends `{"event":"error","detail","code"}` for a failure after the stream started, then ends. */
  fail(error: unknown): void;
  end(): void;
}

export interface SseStreamsOptions {
  /** Interval of `: ping` comments; API.md asks for at least one every 15 s. */
  heartbeatMs?: number;
}

/** The detail and code a client may see for a failure (same rules as the HTTP error handler). */
export function describeStreamError(error: unknown): { detail: string; code: string } {
  const { detail, code } = resolveError(error);
  return { detail: Array.isArray(detail) ? detail.join('; ') : detail, code };
}

/** Opens SSE responses for one server and remembers the open ones so shutdown can end them. */
export class SseStreams {
  readonly heartbeatMs: number;
  /** Open streams and the controllers of the runs behind them. */
  private readonly open = new Map<SseStream, AbortController>();

  constructor(options: SseStreamsOptions = {}) {
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
  }

  /** Number of streams currently open. */
  get size(): number {
    return this.open.size;
  }

  /** Sends the 200 event-stream headers and returns the stream. */
  start(reply: FastifyReply, controller: AbortController = new AbortController()): SseStream {
    const body = new PassThrough();
    const streams = this.open;
    let ended = false;
    const heartbeat = setInterval(() => {
      if (!ended) body.write(': ping\n\n');
    }, this.heartbeatMs);
    heartbeat.unref();

    const finish = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      streams.delete(stream);
      body.end();
    };
    // The response closing before we ended means the client went away: abort the run behind it.
    body.on('close', () => {
      if (!ended) controller.abort(new RiptideError('aborted', 'client disconnected'));
      ended = true;
      clearInterval(heartbeat);
      streams.delete(stream);
    });
    controller.signal.addEventListener('abort', () => finish(), { once: true });

    const stream: SseStream = {
      signal: controller.signal,
      get ended() {
        return ended;
      },
      send(data, id) {
        if (ended) return;
        body.write(`${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`);
        if (typeof data.event === 'string' && TERMINAL_EVENTS.has(data.event)) finish();
      },
      sendRaw(text) {
        if (!ended) body.write(`data: ${text}\n\n`);
      },
      fail(error) {
        stream.send({ event: 'error', ...describeStreamError(error) });
      },
      end: finish,
    };
    streams.set(stream, controller);

    reply
      .code(200)
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('connection', 'keep-alive')
      .header('x-accel-buffering', 'no');
    // Fastify writes the headers with the first chunk; a comment makes the client see 200 at once.
    body.write(': connected\n\n');
    reply.send(body);
    return stream;
  }

  /** Ends every open stream with an error event (server shutdown) and aborts the runs behind them. */
  closeAll(code: 'shutting_down' = 'shutting_down', detail = 'the server is shutting down'): void {
    for (const [stream, controller] of [...this.open]) {
      stream.send({ event: 'error', detail, code });
      controller.abort(new RiptideError('shutting_down', detail));
    }
  }

  /**
   * Runs an event source into an SSE response. An error raised before the first event (budget
   * exceeded, resume error) answers with its HTTP status, as long as it comes before the first
   * heartbeat is due; after that the stream opens (so pings flow) and failures become error frames.
   * `toFrames` writes zero or more frames per source item.
   */
  async pipe<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    source: (signal: AbortSignal) => AsyncIterable<T>,
    toFrames: (item: T, stream: SseStream) => void | Promise<void>,
    /** The frame for a failure after the stream started (default `{"event":"error","detail","code"}`). */
    errorFrame: (error: unknown) => Record<string, unknown> = (error) => ({
      event: 'error',
      ...describeStreamError(error),
    }),
  ): Promise<FastifyReply> {
    // Watch the connection before the first event: a disconnect while it is produced aborts the run too.
    const controller = abortOnDisconnect(reply);
    const iterator = source(controller.signal)[Symbol.asyncIterator]();
    const first = iterator.next();
    let timer: NodeJS.Timeout | undefined;
    const early = await Promise.race([
      first.then(
        () => ({ failed: false as const }),
        (error: unknown) => ({ failed: true as const, error }),
      ),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), this.heartbeatMs);
      }),
    ]);
    clearTimeout(timer);
    if (early?.failed) throw early.error;
    const stream = this.start(reply, controller);
    const pump = async () => {
      try {
        let step = await first;
        while (!step.done && !stream.ended) {
          await toFrames(step.value, stream);
          if (stream.ended) break;
          step = await iterator.next();
        }
      } catch (error) {
        if (!stream.ended) {
          if (!(RiptideError.is(error) && error.code === 'aborted')) request.log.error({ err: error }, 'stream failed');
          stream.send(errorFrame(error));
        }
      } finally {
        stream.end();
        // Let the source clean up (its finally blocks) when we stopped early.
        await iterator.return?.().catch(() => undefined);
      }
    };
    void pump();
    return reply;
  }
}
