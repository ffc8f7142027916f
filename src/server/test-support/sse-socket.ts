// Test support: SSE responses read over a real socket — dropped on purpose once enough frames have
// arrived (a client going away mid-stream), or read to the end (a client reconnecting).
import http from 'node:http';
import { parseSseFramesWithIds, type SseFrameWithId } from './parse-sse-frames.js';

/** Reads the stream at `url` until `enough` says so, then drops the connection. */
export function readThenDisconnect(
  url: string,
  enough: (frames: SseFrameWithId[]) => boolean,
): Promise<SseFrameWithId[]> {
  return new Promise((resolve, reject) => {
    let body = '';
    const request = http.get(url, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
        const frames = parseSseFramesWithIds(body.slice(0, body.lastIndexOf('\n\n') + 2));
        if (enough(frames)) {
          request.destroy();
          resolve(frames);
        }
      });
      response.on('end', () => reject(new Error(`the stream ended first: ${body}`)));
    });
    request.on('error', (error) => {
      if (!request.destroyed) reject(error);
    });
  });
}

/** Reads the stream at `url` to its end. */
export function readToEnd(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; frames: SseFrameWithId[] }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, frames: parseSseFramesWithIds(body) }));
      })
      .on('error', reject);
  });
}

/** Polls `probe` until it returns a truthy value (20 s at most). */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
