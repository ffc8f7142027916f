// A local stand-in for a paid OpenAI-compatible provider, for tests only: a node:http server on
// 127.0.0.1 speaking the chat-completions wire format (JSON and SSE streaming, tool calls, usage),
// /v1/embeddings (deterministic vectors) and /v1/models, with scripted replies and failures.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reply. Omitted fields get sensible defaults. */
export interface FakeOpenAiReply {
  /** Assistant text (default: "You said: <last user message>" when there are no tool calls). */
  content?: string;
  toolCalls?: { id?: string; name: string; arguments: string | Record<string, unknown> }[];
  /** Default: "tool_calls" when there are tool calls, else "stop". */
  finishReason?: string;
  /** Reported usage; `null` leaves usage out (like some local servers). Default: word counts. */
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  /** Answer with this HTTP error status instead (and `errorMessage`). */
  status?: number;
  errorMessage?: string;
}

export interface FakeOpenAiServerOptions {
  /** Replies used in order, one per chat request; when exhausted `reply` (or the default echo) answers. */
  replies?: FakeOpenAiReply[];
  /** Computes a reply from the request body and its 0-based index among chat requests. */
  reply?: (body: ChatCompletionRequest, index: number) => FakeOpenAiReply | Promise<FakeOpenAiReply>;
  /** Fail the first `count` chat requests with `status` (503, 429, 400…). */
  failFirst?: { count: number; status: number; message?: string };
  /** `retry-after-ms` sent with 429/5xx failures, so clients retrying do not wait seconds. Default 5. */
  retryAfterMs?: number;
  /** Delay before answering a chat request at all (for client timeouts). */
  responseDelayMs?: number;
  /** Delay between SSE chunks (for slow streams and client aborts). */
  chunkDelayMs?: number;
  /** Words per streamed content chunk. Default 2. */
  wordsPerChunk?: number;
  /** Model ids for /v1/models. Default ["fake-model"]. */
  models?: string[];
  /** Embedding vector length. Default 8. */
  embeddingDimensions?: number;
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
}

export interface ChatCompletionRequest {
  model: string;
  messages: { role: string; content?: unknown; tool_calls?: unknown[]; tool_call_id?: string }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
  [key: string]: unknown;
}

export interface FakeOpenAiServer {
  /** Base URL including /v1, e.g. http://127.0.0.1:54321/v1 */
  url: string;
  /** Every chat-completions request body received, failed ones included, in order. */
  requests: ChatCompletionRequest[];
  /** Every embeddings request body received. */
  embeddingRequests: { model: string; input: string | string[] }[];
  /** Request headers of the chat requests, in the same order as `requests`. */
  headers: http.IncomingHttpHeaders[];
  /** How many streaming responses the client closed before the server finished them. */
  readonly aborts: number;
  /** How many streaming responses ran to `data: [DONE]`. */
  readonly completedStreams: number;
  /** Adds replies to the end of the queue. */
  enqueue(...replies: FakeOpenAiReply[]): void;
  close(): Promise<void>;
}

export async function startFakeOpenAiServer(options: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const queue = [...(options.replies ?? [])];
  const requests: ChatCompletionRequest[] = [];
  const embeddingRequests: FakeOpenAiServer['embeddingRequests'] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const counters = { aborts: 0, completedStreams: 0, chat: 0 };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendError(res, 401, 'Incorrect API key provided.');
    }
    if (req.method === 'GET' && url.pathname === '/v1/models') {
      const data = (options.models ?? ['fake-model']).map((id) => ({
        id,
        object: 'model',
        created: 0,
        owned_by: 'fake',
      }));
      return sendJson(res, 200, { object: 'list', data });
    }
    if (req.method !== 'POST') return sendError(res, 404, `no route ${req.method} ${url.pathname}`);
    const body = JSON.parse((await readBody(req)) || '{}');
    if (url.pathname === '/v1/embeddings') {
      embeddingRequests.push(body);
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      const dimensions = options.embeddingDimensions ?? 8;
      return sendJson(res, 200, {
        object: 'list',
        model: body.model,
        data: inputs.map((text, index) => ({
          object: 'embedding',
          index,
          embedding: vectorFor(String(text), dimensions),
        })),
        usage: {
          prompt_tokens: inputs.join(' ').split(/\s+/).length,
          total_tokens: inputs.join(' ').split(/\s+/).length,
        },
      });
    }
    if (url.pathname !== '/v1/chat/completions') return sendError(res, 404, `no route POST ${url.pathname}`);

    requests.push(body);
    headers.push(req.headers);
    const index = counters.chat++;
    if (options.responseDelayMs) await sleep(options.responseDelayMs);
    if (options.failFirst && index < options.failFirst.count) {
      return sendError(res, options.failFirst.status, options.failFirst.message ?? `scripted failure ${index + 1}`);
    }
    const scripted = queue.shift() ?? (options.reply ? await options.reply(body, index) : {});
    if (scripted.status !== undefined && scripted.status >= 400) {
      return sendError(res, scripted.status, scripted.errorMessage ?? 'scripted failure');
    }
    const reply = completeReply(scripted, body);
    if (body.stream) return streamReply(res, body, reply);
    return sendJson(res, 200, {
      id: `chatcmpl-${index + 1}`,
      object: 'chat.completion',
      created: 0,
      model: body.model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: reply.content === '' && reply.toolCalls.length > 0 ? null : reply.content,
            ...(reply.toolCalls.length > 0 ? { tool_calls: reply.toolCalls.map(wireToolCall) } : {}),
          },
          finish_reason: reply.finishReason,
        },
      ],
      ...(reply.usage ? { usage: withTotal(reply.usage) } : {}),
    });
  }

  async function streamReply(
    res: http.ServerResponse,
    body: ChatCompletionRequest,
    reply: CompleteReply,
  ): Promise<void> {
    let closedEarly = false;
    res.on('close', () => {
      if (!res.writableEnded) {
        closedEarly = true;
        counters.aborts++;
      }
    });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const base = { id: `chatcmpl-${requests.length}`, object: 'chat.completion.chunk', created: 0, model: body.model };
    const chunks: unknown[] = [
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
    ];
    for (const piece of wordChunks(reply.content, options.wordsPerChunk ?? 2)) {
      chunks.push({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
    }
    reply.toolCalls.forEach((call, position) => {
      const wire = wireToolCall(call, position);
      const head = {
        index: position,
        id: wire.id,
        type: 'function',
        function: { name: wire.function.name, arguments: '' },
      };
      chunks.push({ ...base, choices: [{ index: 0, delta: { tool_calls: [head] }, finish_reason: null }] });
      const args = wire.function.arguments;
      const middle = Math.ceil(args.length / 2);
      for (const part of [args.slice(0, middle), args.slice(middle)].filter(Boolean)) {
        const delta = { tool_calls: [{ index: position, function: { arguments: part } }] };
        chunks.push({ ...base, choices: [{ index: 0, delta, finish_reason: null }] });
      }
    });
    chunks.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: reply.finishReason }] });
    if (body.stream_options?.include_usage && reply.usage)
      chunks.push({ ...base, choices: [], usage: withTotal(reply.usage) });

    for (const chunk of chunks) {
      if (closedEarly) return;
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      if (options.chunkDelayMs) await sleep(options.chunkDelayMs);
    }
    if (closedEarly) return;
    res.end('data: [DONE]\n\n');
    counters.completedStreams++;
  }

  function sendError(res: http.ServerResponse, status: number, message: string): void {
    const retryable = status === 429 || status >= 500;
    const extra: Record<string, string> = retryable ? { 'retry-after-ms': String(options.retryAfterMs ?? 5) } : {};
    const type = status === 429 ? 'rate_limit_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
    sendJson(res, status, { error: { message, type, param: null, code: null } }, extra);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    embeddingRequests,
    headers,
    get aborts() {
      return counters.aborts;
    },
    get completedStreams() {
      return counters.completedStreams;
    },
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

interface CompleteReply {
  content: string;
  toolCalls: NonNullable<FakeOpenAiReply['toolCalls']>;
  finishReason: string;
  usage: { prompt_tokens: number; completion_tokens: number } | null;
}

function completeReply(reply: FakeOpenAiReply, body: ChatCompletionRequest): CompleteReply {
  const toolCalls = reply.toolCalls ?? [];
  const content = reply.content ?? (toolCalls.length > 0 ? '' : `You said: ${lastUserText(body)}`);
  const usage =
    reply.usage === null
      ? null
      : (reply.usage ?? {
          prompt_tokens: JSON.stringify(body.messages).split(/\s+/).length,
          completion_tokens: Math.max(1, content.split(/\s+/).filter(Boolean).length),
        });
  return {
    content,
    toolCalls,
    finishReason: reply.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
    usage,
  };
}

function wireToolCall(call: NonNullable<FakeOpenAiReply['toolCalls']>[number], position = 0) {
  return {
    id: call.id ?? `call_${call.name}_${position}`,
    type: 'function' as const,
    function: {
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
    },
  };
}

function lastUserText(body: ChatCompletionRequest): string {
  const user = [...(body.messages ?? [])].reverse().find((message) => message.role === 'user');
  if (!user) return '';
  if (typeof user.content === 'string') return user.content;
  if (Array.isArray(user.content)) {
    return user.content.map((part: { text?: string }) => part.text ?? '').join('');
  }
  return '';
}

function wordChunks(text: string, wordsPerChunk: number): string[] {
  const words = text.match(/\s*\S+/g) ?? [];
  const chunks: string[] = [];
  for (let index = 0; index < words.length; index += wordsPerChunk) {
    chunks.push(words.slice(index, index + wordsPerChunk).join(''));
  }
  return chunks;
}

function withTotal(usage: { prompt_tokens: number; completion_tokens: number }) {
  return { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
}

/** A deterministic unit vector from the text's SHA-256, so equal texts embed equally. */
function vectorFor(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block++) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let index = 0; index < digest.length && values.length < dimensions; index += 2) {
      values.push(digest.readUInt16BE(index) / 65535 - 0.5);
    }
  }
  const norm = Math.hypot(...values) || 1;
  return values.map((value) => value / norm);
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  value: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...extraHeaders,
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
