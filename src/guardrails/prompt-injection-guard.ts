// Guard that blocks prompt-injection and jailbreak attempts in user input and quarantines them in
// tool outputs, using the layered detector of injection-detector.ts.
import type { GuardViolation } from '../spec/run-result.js';
import type { Guardrail } from './guardrail.js';
import { createInjectionDetector, type InjectionDetector } from './injection-detector.js';
import { detectPromptInjection } from './injection-patterns.js';

export const PROMPT_INJECTION_GUARD = 'prompt_injection';

const DESCRIPTIONS: Record<string, string> = {
  instruction_override: 'asks the model to ignore or replace its instructions',
  prompt_exfiltration: 'asks the model to reveal its hidden or system instructions',
  jailbreak_persona: 'asks the model to adopt a persona or mode without its rules',
  safety_disable: 'asks the model to switch off its safety behaviour',
  role_spoofing: 'contains forged system or role markers',
  reader_directive: 'gives orders to the AI reading it, inside data meant for the user',
  combined_cues: 'combines several signs of an attempt to subvert the model',
  learned_classifier: 'reads as an attempt to redirect or subvert the model (trained classifier)',
};

/** The pattern layer alone (kept for callers that want the old, pattern-only verdict). */
export { detectPromptInjection };

export function createPromptInjectionGuard(detector: InjectionDetector = createInjectionDetector()): Guardrail {
  return {
    name: PROMPT_INJECTION_GUARD,
    stage: 'input',
    screensToolOutput: true,
    async check(text, context = { source: 'input' }) {
      const channel = context.source === 'tool_output' ? 'tool_output' : 'input';
      const verdict = detector.detect(text, channel);
      if (!verdict.injection || verdict.kind === null) return { text, blocked: false, violations: [] };
      const where = channel === 'tool_output' ? `output of ${context.tool ?? 'a tool'}` : 'input';
      const violation: GuardViolation = {
        guardrail: PROMPT_INJECTION_GUARD,
        kind: verdict.kind,
        detail: `${where} ${DESCRIPTIONS[verdict.kind]} (score ${verdict.probability.toFixed(2)})`,
        action: 'blocked',
      };
      return { text, blocked: true, violations: [violation] };
    },
  };
}
