// The crash window of an approved side effect: a process claimed the call and died before recording
// its outcome, so nobody knows whether the tool acted. The claim is made by hand here, as the dead
// process would have left it; then the run is resumed. An idempotent tool runs again with the same
// idempotency key; any other is not repeated and the run reports the call as uncertain (a failure).
import { afterEach, describe, expect, it } from 'vitest';
import { isPending, type RunOutcome, type RunResult } from '../spec/run-result.js';
import type { ToolContext, ToolSpec } from '../tools/tool-spec.js';
import { openScriptedRiptide, planReply, type ScriptedRiptide } from './test-support/scripted-riptide.js';

const CALL_ID = 'call_send';

function sendingTool(idempotent: boolean, seen: ToolContext[]): ToolSpec {
  return {
    name: 'send_invoice',
    version: '1.0.0',
    description: 'Send an invoice to a customer.',
    category: 'billing',
    tags: ['invoice', 'send'],
    side_effecting: true,
    idempotent,
    json_schema: {
      type: 'object',
      properties: { customer: { type: 'string', description: 'who gets the invoice' } },
      required: ['customer'],
      additionalProperties: false,
    },
    handler: (_args: unknown, context: ToolContext) => {
      seen.push(context);
      return 'invoice sent';
    },
  };
}

function completed(outcome: RunOutcome): RunResult {
  if (isPending(outcome)) throw new Error('expected a result');
  return outcome;
}

describe('a side effect whose process died between claim and outcome', () => {
  let harness: ScriptedRiptide | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  async function pausedRun(idempotent: boolean, seen: ToolContext[]) {
    harness = await openScriptedRiptide(
      {
        byPurpose: {
          plan: planReply('send the invoice to acme'),
          worker: { toolCalls: [{ id: CALL_ID, name: 'send_invoice', arguments: { customer: 'acme' } }] },
          finalize: (call) => call.prompt,
        },
      },
      { extraTools: [sendingTool(idempotent, seen)] },
    );
    const pending = await harness.riptide.runs.runInteractive({
      task: 'send the invoice to acme',
      memory: false,
      guardrails: false,
    });
    if (!isPending(pending)) throw new Error('expected a pending approval');
    const key = `${pending.thread_id}:0:${CALL_ID}`;
    // What the dead process left behind: the claim, no outcome.
    expect(await harness.riptide.store.claimSideEffect(key, pending.thread_id)).toBe(true);
    return { pending, key };
  }

  it('runs an idempotent tool again, once, with the same idempotency key', async () => {
    const seen: ToolContext[] = [];
    const { pending, key } = await pausedRun(true, seen);
    const result = completed(await harness!.riptide.runs.resume(pending.thread_id, { approved: true, answer: null }));
    expect(seen.map((context) => context.idempotencyKey)).toEqual([key]);
    expect(result.success).toBe(true);
    expect(result.results[0].tool_calls[0]).toMatchObject({ name: 'send_invoice', valid: true });
    expect(result.results[0].tool_calls[0].error).toBeUndefined();
    expect((await harness!.riptide.store.getSideEffect(key))?.outcome).toEqual({ ok: true, output: 'invoice sent' });
  });

  it('does not repeat any other tool, and reports the call as uncertain', async () => {
    const seen: ToolContext[] = [];
    const { pending, key } = await pausedRun(false, seen);
    const result = completed(await harness!.riptide.runs.resume(pending.thread_id, { approved: true, answer: null }));
    expect(seen).toEqual([]);
    expect(result.success).toBe(false);
    expect(result.results[0].tool_calls[0]).toMatchObject({ name: 'send_invoice', error: 'tool_error' });
    expect(JSON.stringify(result.results[0])).toContain('may or may not have acted');
    // The uncertainty is recorded, so a later replay says the same thing instead of running it.
    expect((await harness!.riptide.store.getSideEffect(key))?.outcome).toMatchObject({ ok: false, kind: 'tool_error' });
  });
});
