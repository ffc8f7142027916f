// Turns a run's event stream into an OpenTelemetry span tree: one span per run invocation
// (`invoke_agent riptide`), one per graph node, and under each node one per model call (`chat <model>`)
// and per tool call (`execute_tool <tool>`), with the GenAI semantic-convention attributes. Events
// carry durations and arrive as things finish, so each span is placed at [arrival − duration, arrival];
// a node's calls arrive before the node itself and wait for it to become their parent.
import { type Attributes, type Context, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_AGENT_NAME,
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_SYSTEM,
  ATTR_GEN_AI_TOOL_NAME,
  ATTR_GEN_AI_TOOL_TYPE,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
} from '@opentelemetry/semantic-conventions/incubating';
import type { ModelCallEvent, RunEvent, ToolCallEvent } from '../spec/run-events.js';
import type { ObservedRun, RunObservation, RunObserver } from '../spec/run-observer.js';

/** Wall-clock milliseconds with sub-millisecond precision (what span times are given in). */
const now = () => performance.timeOrigin + performance.now();

interface ArrivedCall {
  event: ModelCallEvent | ToolCallEvent;
  at: number;
}

export function createRunSpanObserver(tracer: Tracer, activeContext: () => Context): RunObserver {
  return { begin: (run) => observeRun(tracer, activeContext(), run) };
}

function observeRun(tracer: Tracer, parent: Context, run: ObservedRun): RunObservation {
  const runSpan = tracer.startSpan(
    'invoke_agent riptide',
    {
      kind: SpanKind.INTERNAL,
      startTime: now(),
      attributes: {
        [ATTR_GEN_AI_OPERATION_NAME]: 'invoke_agent',
        [ATTR_GEN_AI_AGENT_NAME]: 'riptide',
        [ATTR_GEN_AI_CONVERSATION_ID]: run.threadId,
        'riptide.thread_id': run.threadId,
        'riptide.tenant_id': run.tenantId,
        'riptide.run.kind': run.kind,
        'riptide.run.interactive': run.interactive,
      },
    },
    parent,
  );
  const runContext = trace.setSpan(parent, runSpan);
  let waiting: ArrivedCall[] = [];
  let ended = false;

  /** Spans for the calls that arrived for `node` (every waiting call when node is undefined), under `context`. */
  const placeCalls = (context: Context, node?: string) => {
    const placed = waiting.filter((call) => node === undefined || call.event.node === node);
    waiting = waiting.filter((call) => !placed.includes(call));
    for (const call of placed) startCallSpan(tracer, context, call);
  };

  const onEvent = (event: RunEvent) => {
    switch (event.event) {
      case 'model_call':
      case 'tool_call':
        waiting.push({ event, at: now() });
        return;
      case 'node': {
        const end = now();
        const nodeSpan = tracer.startSpan(
          `riptide.node ${event.name}`,
          { kind: SpanKind.INTERNAL, startTime: end - event.duration_ms, attributes: { 'riptide.node': event.name } },
          runContext,
        );
        placeCalls(trace.setSpan(runContext, nodeSpan), event.name);
        nodeSpan.end(end);
        return;
      }
      case 'composition':
        runSpan.setAttributes({ 'riptide.mode': event.mode, 'riptide.plan.size': event.plan.length });
        return;
      case 'step':
        runSpan.addEvent('riptide.step', {
          'riptide.step.index': event.index,
          'riptide.step.status': event.status,
          'riptide.step.role': event.role,
        });
        return;
      case 'pending':
        runSpan.setAttributes({ 'riptide.status': 'pending_approval', 'riptide.pending.type': event.action.type });
        return;
      case 'result': {
        const { result } = event;
        runSpan.setAttributes({
          'riptide.status': result.status,
          'riptide.mode': result.mode,
          'riptide.success': result.success,
          'riptide.cost_usd': result.metrics.cost_usd,
          'riptide.model_calls': result.metrics.model_calls,
          [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: result.metrics.usage.prompt_tokens,
          [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: result.metrics.usage.completion_tokens,
        });
        if (result.status === 'failed') {
          const code = result.error?.code ?? 'failed';
          runSpan.setAttribute(ATTR_ERROR_TYPE, code);
          runSpan.setStatus({ code: SpanStatusCode.ERROR, message: code });
        }
        return;
      }
      case 'token':
        return;
    }
  };

  return {
    event: onEvent,
    end(error) {
      if (ended) return;
      ended = true;
      // Calls of a node that never finished (the run paused or failed inside it) hang off the run.
      placeCalls(runContext);
      if (error !== undefined) {
        const code = (error as { code?: unknown })?.code;
        const type = typeof code === 'string' ? code : ((error as Error)?.name ?? 'error');
        runSpan.setAttribute(ATTR_ERROR_TYPE, type);
        // The code only: a message may quote a task or a secret, and stack traces never leave.
        runSpan.setStatus({ code: SpanStatusCode.ERROR, message: type });
      }
      runSpan.end(now());
    },
  };
}

function startCallSpan(tracer: Tracer, parent: Context, { event, at }: ArrivedCall): void {
  if (event.event === 'model_call') {
    const attributes: Attributes = {
      [ATTR_GEN_AI_OPERATION_NAME]: 'chat',
      [ATTR_GEN_AI_SYSTEM]: event.provider,
      [ATTR_GEN_AI_PROVIDER_NAME]: event.provider,
      [ATTR_GEN_AI_REQUEST_MODEL]: event.model,
      [ATTR_GEN_AI_RESPONSE_MODEL]: event.model,
      [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: [event.finish_reason],
      [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: event.prompt_tokens,
      [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: event.completion_tokens,
      'riptide.model_call.purpose': event.purpose,
      'riptide.cost_usd': event.cost_usd,
    };
    if (event.subtask_index !== null) attributes['riptide.subtask_index'] = event.subtask_index;
    if (event.tool_calls.length > 0) attributes['riptide.requested_tools'] = event.tool_calls;
    tracer
      .startSpan(`chat ${event.model}`, { kind: SpanKind.CLIENT, startTime: at - event.latency_ms, attributes }, parent)
      .end(at);
    return;
  }
  const span = tracer.startSpan(
    `execute_tool ${event.tool}`,
    {
      kind: SpanKind.INTERNAL,
      startTime: at - event.duration_ms,
      attributes: {
        [ATTR_GEN_AI_OPERATION_NAME]: 'execute_tool',
        [ATTR_GEN_AI_TOOL_NAME]: event.tool,
        [ATTR_GEN_AI_TOOL_TYPE]: 'function',
        'riptide.tool.status': event.status,
        'riptide.subtask_index': event.subtask_index,
      },
    },
    parent,
  );
  if (event.status === 'error') {
    const kind = event.error_kind ?? 'tool_error';
    span.setAttribute(ATTR_ERROR_TYPE, kind);
    span.setStatus({ code: SpanStatusCode.ERROR, message: kind });
  }
  span.end(at);
}
