// The OpenTelemetry setup behind RunTelemetry: a tracer provider of its own (nothing registered
// globally, so several riptide instances in one process never share or clobber one), an OTLP/HTTP
// exporter configured by the standard OTEL_EXPORTER_OTLP_* variables, W3C trace-context propagation
// from incoming requests, and an AsyncLocalStorage context so a run started while handling a
// request becomes a child of that request's span. Loaded only when traces are to be exported.
import { type Context, defaultTextMapGetter, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVICE_NAME,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import { createRunSpanObserver } from './run-event-spans.js';
import type { RunTelemetry } from './run-telemetry.js';

export interface OtelRunTelemetryOptions {
  /** The OTLP/HTTP traces URL; by default the exporter reads OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT itself. */
  url?: string;
}

const SCOPE = 'riptide';

export function createOtelRunTelemetry(options: OtelRunTelemetryOptions = {}): RunTelemetry {
  // service.name defaults to riptide; OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override it.
  const resource = defaultResource()
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: 'riptide' }))
    .merge(detectResources({ detectors: [envDetector] }));
  const exporter = new OTLPTraceExporter(options.url ? { url: options.url } : {});
  const provider = new BasicTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter)] });
  const tracer = provider.getTracer(SCOPE);
  const contexts = new AsyncLocalStorageContextManager().enable();
  const propagator = new W3CTraceContextPropagator();

  return {
    observer: createRunSpanObserver(tracer, () => contexts.active()),
    startRequestSpan({ method, url, headers }) {
      const parent: Context = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
      const span = tracer.startSpan(
        method,
        {
          kind: SpanKind.SERVER,
          attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_PATH]: url.split('?')[0] },
        },
        parent,
      );
      const active = trace.setSpan(parent, span);
      let ended = false;
      return {
        enter: (next) => contexts.with(active, next),
        end({ statusCode, route }) {
          if (ended) return;
          ended = true;
          if (route) {
            span.updateName(`${method} ${route}`);
            span.setAttribute(ATTR_HTTP_ROUTE, route);
          }
          span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, statusCode);
          if (statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
      };
    },
    async shutdown() {
      contexts.disable();
      await provider.shutdown();
    },
  };
}
