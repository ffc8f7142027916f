// A guarded HTTP GET: connects only to the address the SSRF guard approved (no DNS rebinding),
// follows redirects by hand re-checking every hop, accepts text responses only, and stops at a
// size and time limit.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { RiptideError } from '../../errors/riptide-error.js';
import { type HostLookup, resolveSafeTarget, systemLookup } from './address-guard.js';

export interface SafeGetOptions {
  allowHosts: readonly string[];
  maxBytes: number;
  timeoutMs: number;
  signal: AbortSignal;
  maxRedirects?: number;
  lookup?: HostLookup;
  accept?: string;
}

export interface SafeGetResult {
  url: string;
  status: number;
  content_type: string;
  body: string;
  truncated: boolean;
  redirects: string[];
}

const TEXTUAL =
  /^(text\/|application\/(json|xml|xhtml\+xml|javascript|ld\+json|rss\+xml|atom\+xml)|[^;]*\+(json|xml))/i;

function requestOnce(
  target: { url: URL; address: string; family: 4 | 6 },
  options: SafeGetOptions,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; truncated: boolean }> {
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all)
      (callback as any)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      target.url,
      {
        lookup: pinned,
        signal: options.signal,
        timeout: options.timeoutMs,
        headers: {
          'user-agent': 'riptide-http-get/1',
          accept: options.accept ?? 'text/*, application/json;q=0.9, */*;q=0.1',
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          response.resume();
          resolve({ status, headers: response.headers, body: Buffer.alloc(0), truncated: false });
          return;
        }
        const contentType = String(response.headers['content-type'] ?? '');
        if (contentType && !TEXTUAL.test(contentType)) {
          response.destroy();
          reject(new RiptideError('network_refused', `refusing non-text content-type '${contentType}'`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        response.on('data', (chunk: Buffer) => {
          if (truncated) return;
          const room = options.maxBytes - size;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            size = options.maxBytes;
            truncated = true;
            response.destroy();
            resolve({ status, headers: response.headers, body: Buffer.concat(chunks), truncated });
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          resolve({ status, headers: response.headers, body: Buffer.concat(chunks), truncated }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new RiptideError('network_refused', `request timed out after ${options.timeoutMs} ms`)),
    );
    request.on('error', reject);
  });
}

export async function safeHttpGet(rawUrl: string, options: SafeGetOptions): Promise<SafeGetResult> {
  const maxRedirects = options.maxRedirects ?? 5;
  const redirects: string[] = [];
  let current = rawUrl;
  for (let hop = 0; ; hop++) {
    const target = await resolveSafeTarget(current, options.allowHosts, options.lookup ?? systemLookup);
    const response = await requestOnce(target, options).catch((error: unknown) => {
      if (RiptideError.is(error)) throw error;
      throw new RiptideError('network_refused', `request to ${target.url.host} failed: ${(error as Error).message}`);
    });
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && location) {
      if (hop >= maxRedirects) throw new RiptideError('network_refused', `more than ${maxRedirects} redirects`);
      current = new URL(location, target.url).toString();
      redirects.push(current);
      continue;
    }
    return {
      url: target.url.toString(),
      status: response.status,
      content_type: String(response.headers['content-type'] ?? ''),
      body: response.body.toString('utf8'),
      truncated: response.truncated,
      redirects,
    };
  }
}
