// One access-log line per request (method, route, status, duration, thread id) instead of Fastify's
// default pair, and never the request body or query string at info level.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LogController } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The run this request concerns, when known, for the access log. */
    riptideThreadId: string | null;
  }
}

export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const params = request.params as { thread_id?: unknown } | undefined;
    const threadId = request.riptideThreadId ?? (typeof params?.thread_id === 'string' ? params.thread_id : undefined);
    const line = {
      method: request.method,
      route: request.routeOptions?.url ?? null,
      status: reply.statusCode,
      duration_ms: Math.round(reply.elapsedTime * 10) / 10,
      ...(threadId ? { thread_id: threadId } : {}),
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/** Remembers the thread id of any JSON response that names one, for the access log. */
export function installThreadIdCapture(app: FastifyInstance): void {
  app.decorateRequest('riptideThreadId', null);
  app.addHook('preSerialization', async (request, _reply, payload) => {
    const threadId = (payload as { thread_id?: unknown } | null)?.thread_id;
    if (typeof threadId === 'string') request.riptideThreadId = threadId;
    return payload;
  });
}
