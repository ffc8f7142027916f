// finalize: the final answer from the results that passed review (purpose 'finalize', streamed when
// someone listens — each model delta goes out as it arrives), plus the structured output for final_schema
// (purpose 'structured', validated, one repair retry with the errors).
import { z } from 'zod';
import { parseModelJson } from '../../prompts/contract.js';
import { describeSchemaErrors } from '../final-schema.js';
import type { ModelCaller } from '../model-caller.js';
import type { NodeContext } from '../node-context.js';
import { buildFinalizePrompt, buildStructuredPrompt } from '../prompt-builders.js';
import { answeredResults } from '../run-result-builder.js';
import type { RunRuntime } from '../run-runtime.js';
import type { RunState, RunStateUpdate } from '../run-state.js';

const jsonObjectSchema = z.record(z.string(), z.unknown());

export async function finalizeNode(state: RunState, context: NodeContext): Promise<RunStateUpdate> {
  const { runtime, caller } = context;
  const prompt = buildFinalizePrompt({
    task: state.task,
    results: answeredResults(state),
    conversation: state.conversation,
  });
  const reply = await caller.call({
    purpose: 'finalize',
    tier: 'worker',
    system: prompt.system,
    messages: [{ role: 'user', content: prompt.user }],
    // Streamed only when someone reads the tokens: a plain generate call is cheaper.
    ...(context.streaming ? { onTextDelta: (text: string) => context.emit({ event: 'token', text }) } : {}),
  });
  const answer = reply.text.trim();
  const structured = runtime.finalSchema ? await structuredOutput(state.task, answer, runtime, caller) : null;
  return { final_answer: answer, structured };
}

async function structuredOutput(
  task: string,
  answer: string,
  runtime: RunRuntime,
  caller: ModelCaller,
): Promise<unknown> {
  const validate = runtime.finalSchema;
  const schema = runtime.options.final_schema;
  if (!validate || !schema) return null;
  let errors: string[] = [];
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const prompt = buildStructuredPrompt({ task, answer, schema, errors });
    const reply = await caller.call({
      purpose: 'structured',
      system: prompt.system,
      messages: [{ role: 'user', content: prompt.user }],
      json: true,
    });
    const value = parseModelJson(reply.text, jsonObjectSchema);
    if (value && validate(value)) return value;
    errors = value ? describeSchemaErrors(validate.errors) : ['the reply was not one JSON object'];
  }
  return null;
}
