// Where tool outputs meet the guardrails before a model sees them: a read-only, side-effecting or
// MCP tool's result is screened for indirect prompt injection when the run has guardrails on, and a
// flagged result is replaced by a notice. The quarantined calls are reported once, by guard_output.
import { QUARANTINE_PREFIX, QUARANTINED } from '../guardrails/quarantine-notice.js';
import type { GuardViolation, SubtaskResult } from '../spec/run-result.js';
import type { ToolOutcome } from '../spec/tool-descriptor.js';
import type { RunRuntime } from './run-runtime.js';

export const TOOL_OUTPUT_SCREEN = 'tool_output_screen';

/**
 * A successful tool outcome, screened: unchanged, or — when the run has guardrails on and the output
 * addresses the assistant — a `quarantined` error whose text is the notice the model sees instead.
 * Failed outcomes carry riptide's own error text and pass through.
 */
export async function screenToolOutcome(runtime: RunRuntime, tool: string, outcome: ToolOutcome): Promise<ToolOutcome> {
  if (!outcome.ok || !runtime.options.guardrails) return outcome;
  const screened = await runtime.deps.guardrails.screenToolOutput(outcome.output, {
    tool,
    offline: runtime.options.offline,
    signal: runtime.signal,
  });
  if (!screened.quarantined) return outcome;
  const error = screened.text.startsWith(QUARANTINE_PREFIX)
    ? screened.text.slice(QUARANTINE_PREFIX.length)
    : screened.text;
  return { ok: false, kind: QUARANTINED, error };
}

/** One violation per quarantined tool call, read back from the durable subtask results. */
export function quarantineViolations(results: readonly (SubtaskResult | undefined)[]): GuardViolation[] {
  const violations: GuardViolation[] = [];
  for (const result of results) {
    for (const call of result?.tool_calls ?? []) {
      if (call.error !== QUARANTINED) continue;
      violations.push({
        guardrail: TOOL_OUTPUT_SCREEN,
        kind: 'indirect_injection',
        detail: `the output of ${call.name} contained instructions aimed at the assistant and was quarantined`,
        action: 'blocked',
      });
    }
  }
  return violations;
}
