// Reads the API's GET SSE routes over fetch (so the bearer key travels in a header, which EventSource
// cannot send), parsing frames with eventsource-parser: each `data:` JSON goes to the caller by
// `event`, and the stream closes on a terminal event. A rejected request shows the API's own words.
import { createParser } from 'eventsource-parser';
import { ApiError, detailLines } from './api-error';
import type { StreamEvent } from './types';

// `pending` also ends a stream: the run waits for a human and continues through the resume route.
const TERMINAL_EVENTS = new Set(['final', 'result', 'done', 'error', 'pending']);

export interface StreamHandle {
  /** Stops listening; the server aborts the run's model calls when the client goes away. */
  close(): void;
  /** Settles after the terminal event (or rejects with an ApiError when the stream failed). */
  finished: Promise<void>;
}

export function openEventStream(
  url: string,
  onEvent: (event: StreamEvent) => void,
  headers: Record<string, string> = {},
): StreamHandle {
  const controller = new AbortController();
  let settled = false;

  const finished = (async () => {
    let response: Response;
    try {
      response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) return;
      throw new ApiError(0, 'network_error', [`Could not reach the riptide server (${(error as Error).message}).`]);
    }
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      const body = (await response.json().catch(() => null)) as { detail?: unknown; code?: string } | null;
      const lines = detailLines(body?.detail);
      throw new ApiError(response.status, body?.code ?? 'http_error', lines.length ? lines : [response.statusText]);
    }
    let failure = null as ApiError | null;
    const parser = createParser({
      onEvent(message) {
        if (settled) return;
        let parsed: StreamEvent;
        try {
          parsed = JSON.parse(message.data) as StreamEvent;
        } catch {
          return; // Not JSON: nothing the contract defines, ignore rather than break the stream.
        }
        onEvent(parsed);
        if (!TERMINAL_EVENTS.has(parsed.event)) return;
        if (parsed.event === 'error')
          failure = new ApiError(200, parsed.code ?? 'stream_error', detailLines(parsed.detail));
        settled = true;
        controller.abort();
      },
    });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        parser.feed(chunk.value);
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
    if (failure) throw failure;
    if (!settled && !controller.signal.aborted) {
      throw new ApiError(0, 'stream_closed', ['The stream closed before the run finished.']);
    }
  })();

  return {
    close: () => {
      settled = true;
      controller.abort();
    },
    finished,
  };
}
