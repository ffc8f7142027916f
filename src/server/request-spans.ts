// One OpenTelemetry server span per HTTP request when riptide exports traces: it continues the
// caller's trace (W3C `traceparent`), and every run a handler starts becomes its child, because the
// handler runs inside the span's context (entered in preHandler, after the body is read, so no
// stream callback drops it). The span ends when the response is finished or the connection closes,
// which also covers SSE streams the handler took over.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestSpan, RunTelemetry } from '../telemetry/run-telemetry.js';

export function installRequestSpans(app: FastifyInstance, telemetry: RunTelemetry): void {
  const spans = new WeakMap<FastifyRequest, RequestSpan>();
  app.addHook('onRequest', (request, reply, done) => {
    const span = telemetry.startRequestSpan({ method: request.method, url: request.url, headers: request.headers });
    spans.set(request, span);
    reply.raw.once('close', () => span.end({ statusCode: reply.raw.statusCode, route: request.routeOptions?.url }));
    done();
  });
  app.addHook('preHandler', (request, _reply, done) => {
    const span = spans.get(request);
    if (span) span.enter(done);
    else done();
  });
}
