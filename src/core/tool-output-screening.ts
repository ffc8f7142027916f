// Where tool outputs meet the guardrails before a model sees them: a read-only, side-effecting or
// MCP tool's result is screened for indirect prompt injection when the run has guardrails on, and a
// flagged result is replaced by a notice. The quarantined calls are reported once, by guard_output.
import { QUARANTINE_PREFIX, QUARANTINED } from '../guardrails/quarantine-notice.js';
import type { GuardViolation, SubtaskResult } from '../spec/run-result.js';
import type { ToolOutcome } from '../spec/tool-descriptor.js';
import type { RunRuntime } from './run-runtime.js';

export const TOOL_OUTPUT_SCREEN = 'tool_output_screen';

/**
 * A tool output that is one number and nothing else ("42", "-3.5e-7"): it has no letters and no
 * room for words, so it cannot carry an instruction in any disguise the detectors decode (leetspeak
 * of one digit run is at most one word; base64, hex, escapes and markup need letters or symbols
 * this excludes). Screening such outputs cost ~0.7 ms per tool call for a calculator's result.
 */
const LONE_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const LONE_NUMBER_MAX_CHARS = 40;

function cannotCarryInstructions(output: string): boolean {
  const text = output.trim();
  return text.length <= LONE_NUMBER_MAX_CHARS && LONE_NUMBER.test(text);
}

/**
 * A successful tool outcome, screened (every output except a lone number): unchanged, or — when the run has guardrails on and the output
 * addresses the assistant — a `quarantined` error whose text is the notice the model sees instead.
 * Failed outcomes carry riptide's own error text and pass through.
 */
export async function screenToolOutcome(runtime: RunRuntime, tool: string, outcome: ToolOutcome): Promise<ToolOutcome> {
  if (!outcome.ok || !runtime.options.guardrails || cannotCarryInstructions(outcome.output)) return outcome;
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
