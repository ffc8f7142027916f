// OpenTelemetry export end to end: a run with a tool call, started over HTTP with a caller's
// `traceparent`, exported by the official OTLP/HTTP exporter to a loopback receiver. The span tree
// and its GenAI semantic-convention attributes are read back from what the receiver got.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from '../server/test-support/open-test-server.js';
import { createOtelRunTelemetry } from './otel-run-telemetry.js';
import type { RunTelemetry } from './run-telemetry.js';
import { tracesExportRequested } from './telemetry-settings.js';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from './test-support/otlp-receiver.js';

const CALLER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';

describe('OpenTelemetry trace export', () => {
  let receiver: OtlpReceiver;
  let telemetry: RunTelemetry;
  let server: TestServer;
  let threadId: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    telemetry = createOtelRunTelemetry({ url: `${receiver.endpoint}/v1/traces` });
    server = await openTestServer({}, {}, { telemetry });
    const response = await server.app.inject({
      method: 'POST',
      url: '/run',
      headers: { traceparent: `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-01` },
      payload: { task: 'compute 21 * 2', memory: false },
    });
    expect(response.statusCode).toBe(200);
    threadId = (response.json() as { thread_id: string }).thread_id;
    await server.close();
    // Shutting down flushes the batch to the receiver.
    await telemetry.shutdown();
  });
  afterAll(async () => {
    await receiver.close();
  });

  const spansNamed = (spans: ReceivedSpan[], prefix: string) => spans.filter((span) => span.name.startsWith(prefix));

  it('links the run to the HTTP request span, which continues the caller trace', async () => {
    const spans = await receiver.waitFor((received) => received.some((span) => span.name === 'invoke_agent riptide'));
    const request = spans.find((span) => span.name === 'POST /run');
    expect(request).toBeDefined();
    expect(request?.traceId).toBe(CALLER_TRACE_ID);
    expect(request?.parentSpanId).toBe(CALLER_SPAN_ID);
    expect(request?.kind).toBe(2); // SERVER
    expect(request?.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/run',
      'http.response.status_code': 200,
    });
    const run = spans.find((span) => span.name === 'invoke_agent riptide');
    expect(run?.parentSpanId).toBe(request?.spanId);
    expect(run?.traceId).toBe(CALLER_TRACE_ID);
    expect(run?.attributes).toMatchObject({
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': 'riptide',
      'gen_ai.conversation.id': threadId,
      'riptide.status': 'completed',
      'riptide.mode': 'single',
    });
    expect(run?.resource['service.name']).toBe('riptide');
  });

  it('has a span per graph node under the run, and the model and tool calls under their nodes', async () => {
    const spans = receiver.spans;
    const run = spans.find((span) => span.name === 'invoke_agent riptide') as ReceivedSpan;
    const nodes = spansNamed(spans, 'riptide.node ');
    expect(nodes.map((node) => node.attributes['riptide.node'])).toEqual(
      expect.arrayContaining(['orchestrator', 'worker', 'finalize']),
    );
    for (const node of nodes) {
      expect(node.parentSpanId).toBe(run.spanId);
      expect(node.startMs).toBeGreaterThanOrEqual(run.startMs - 1);
      expect(node.endMs).toBeLessThanOrEqual(run.endMs + 1);
    }
    const nodeIds = new Map(nodes.map((node) => [node.spanId, node.attributes['riptide.node']]));

    const chats = spansNamed(spans, 'chat ');
    expect(chats.length).toBeGreaterThanOrEqual(2);
    for (const chat of chats) {
      expect(nodeIds.has(chat.parentSpanId as string)).toBe(true);
      expect(chat.kind).toBe(3); // CLIENT
      expect(chat.attributes).toMatchObject({
        'gen_ai.operation.name': 'chat',
        'gen_ai.system': 'offline',
        'gen_ai.request.model': expect.any(String),
        'gen_ai.response.model': expect.any(String),
        'gen_ai.usage.input_tokens': expect.any(Number),
        'gen_ai.usage.output_tokens': expect.any(Number),
        'gen_ai.response.finish_reasons': [expect.any(String)],
      });
      expect(chat.name).toBe(`chat ${chat.attributes['gen_ai.request.model']}`);
    }
    const asking = chats.find((chat) =>
      (chat.attributes['riptide.requested_tools'] as string[] | undefined)?.includes('calculator'),
    );
    expect(asking?.attributes['gen_ai.response.finish_reasons']).toEqual(['tool-calls']);

    const tool = spans.find((span) => span.name === 'execute_tool calculator');
    expect(tool).toBeDefined();
    expect(nodeIds.get(tool?.parentSpanId as string)).toBe('worker');
    expect(tool?.attributes).toMatchObject({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'calculator',
      'riptide.tool.status': 'ok',
    });
    expect(tool?.status.code ?? 0).not.toBe(2);
    // Every span of the run belongs to the caller's trace.
    expect(new Set(spans.filter((span) => span.name !== 'GET /healthz').map((span) => span.traceId))).toEqual(
      new Set([CALLER_TRACE_ID]),
    );
  });
});

describe('tracesExportRequested', () => {
  it('asks for export only when an OTLP endpoint is set and the SDK is not turned off', () => {
    expect(tracesExportRequested({})).toBe(false);
    expect(tracesExportRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe(true);
    expect(tracesExportRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' })).toBe(true);
    expect(tracesExportRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' })).toBe(false);
    expect(tracesExportRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(tracesExportRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x', OTEL_TRACES_EXPORTER: 'none' })).toBe(
      false,
    );
  });
});
