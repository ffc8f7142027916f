// Reads the API's GET SSE routes with EventSource: parses each `data:` JSON, hands it to the caller by
// `event`, and closes on a terminal event so the browser does not reconnect and re-run the task.
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

export function openEventStream(url: string, onEvent: (event: StreamEvent) => void): StreamHandle {
  const source = new EventSource(url);
  let opened = false;
  let settled = false;
  let resolveFinished: () => void = () => {};
  let rejectFinished: (error: unknown) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    resolveFinished = resolve;
    rejectFinished = reject;
  });

  const settle = (error?: unknown) => {
    if (settled) return;
    settled = true;
    source.close();
    if (error) rejectFinished(error);
    else resolveFinished();
  };

  source.onopen = () => {
    opened = true;
  };
  source.onmessage = (message: MessageEvent<string>) => {
    let parsed: StreamEvent;
    try {
      parsed = JSON.parse(message.data) as StreamEvent;
    } catch {
      return; // Not JSON: nothing the contract defines, ignore rather than break the stream.
    }
    onEvent(parsed);
    if (TERMINAL_EVENTS.has(parsed.event)) {
      if (parsed.event === 'error') {
        settle(new ApiError(200, parsed.code ?? 'stream_error', detailLines(parsed.detail)));
      } else {
        settle();
      }
    }
  };
  source.onerror = () => {
    if (settled) return;
    if (opened) {
      settle(new ApiError(0, 'stream_closed', ['The stream closed before the run finished.']));
      return;
    }
    // EventSource hides the HTTP status and body of a rejected request; ask once more with fetch so the
    // person sees the API's own words (a 422 is answered before any run starts).
    source.close();
    explainRejectedStream(url).then(settle, settle);
  };

  return { close: () => settle(), finished };
}

async function explainRejectedStream(url: string): Promise<ApiError> {
  const controller = new AbortController();
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
    if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      controller.abort();
      return new ApiError(0, 'stream_failed', ['The event stream was interrupted; try again.']);
    }
    const body = (await response.json().catch(() => null)) as { detail?: unknown; code?: string } | null;
    const lines = detailLines(body?.detail);
    return new ApiError(response.status, body?.code ?? 'http_error', lines.length ? lines : [response.statusText]);
  } catch (error) {
    return new ApiError(0, 'network_error', [`Could not reach the riptide server (${(error as Error).message}).`]);
  }
}
