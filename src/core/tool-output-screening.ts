// Where tool outputs meet the guardrails before a model sees them: a read-only, side-effecting or
// MCP tool's result is screened for indirect prompt injection when the run has guardrails on, and a
// flagged result is replaced by a notice. The quarantined calls are reported once, by guard_output.
import { QUARANTINED } from '../guardrails/quarantine-notice.js';
import type { GuardViolation, SubtaskResult } from '../spec/run-result.js';
import type { RunRuntime } from './run-runtime.js';

export const TOOL_OUTPUT_SCREEN = 'tool_output_screen';

export interface ScreenedToolOutput {
  /** The observation for the model: the output, or the quarantine notice. */
  observation: string;
  quarantined: boolean;
}

export async function screenToolOutput(runtime: RunRuntime, tool: string, output: string): Promise<ScreenedToolOutput> {
  if (!runtime.options.guardrails) return { observation: output, quarantined: false };
  const screened = await runtime.deps.guardrails.screenToolOutput(output, {
    tool,
    offline: runtime.options.offline,
    signal: runtime.signal,
  });
  return { observation: screened.text, quarantined: screened.quarantined };
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
