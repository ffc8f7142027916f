// Input guard that blocks prompt-injection and jailbreak attempts: phrase patterns (see
// injection-signals.ts) run over de-obfuscated views of the text (detection-text.ts).
import type { GuardViolation } from '../core/run-result.js';
import { detectionViews } from './detection-text.js';
import type { Guardrail } from './guardrail.js';
import { INJECTION_SCORE_THRESHOLD, injectionScore } from './injection-score.js';
import { INJECTION_SIGNALS, type InjectionKind, RAW_SIGNALS, SQUASHED_SIGNALS } from './injection-signals.js';

export const PROMPT_INJECTION_GUARD = 'prompt_injection';

const DESCRIPTIONS: Record<InjectionKind | 'combined_cues', string> = {
  instruction_override: 'asks the model to ignore or replace its instructions',
  prompt_exfiltration: 'asks the model to reveal its hidden or system instructions',
  jailbreak_persona: 'asks the model to adopt a persona or mode without its rules',
  safety_disable: 'asks the model to switch off its safety behaviour',
  role_spoofing: 'contains forged system or role markers',
  combined_cues: 'combines several signs of an attempt to subvert the model',
};

/** The first attack kind found in the text, or null. */
export function detectPromptInjection(text: string): InjectionKind | 'combined_cues' | null {
  const views = detectionViews(text);
  for (const signal of INJECTION_SIGNALS) {
    if (views.texts.some((view) => signal.pattern.test(view))) return signal.kind;
  }
  for (const signal of RAW_SIGNALS) {
    if (signal.pattern.test(text.normalize('NFKC'))) return signal.kind;
  }
  for (const signal of SQUASHED_SIGNALS) {
    if (signal.pattern.test(views.squashed)) return signal.kind;
  }
  if (views.texts.some((view) => injectionScore(view).score >= INJECTION_SCORE_THRESHOLD)) return 'combined_cues';
  return null;
}

export function createPromptInjectionGuard(): Guardrail {
  return {
    name: PROMPT_INJECTION_GUARD,
    stage: 'input',
    screensToolOutput: true,
    async check(text) {
      const kind = detectPromptInjection(text);
      if (kind === null) return { text, blocked: false, violations: [] };
      const violation: GuardViolation = {
        guardrail: PROMPT_INJECTION_GUARD,
        kind,
        detail: `input ${DESCRIPTIONS[kind]}`,
        action: 'blocked',
      };
      return { text, blocked: true, violations: [violation] };
    },
  };
}
