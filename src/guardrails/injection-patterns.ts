// The high-precision phrase-pattern layer of injection detection: the phrase patterns of
// injection-signals.ts and the weighted cues of injection-score.ts, run over de-obfuscated views.
import { detectionViews } from './detection-text.js';
import { INJECTION_SCORE_THRESHOLD, injectionScore } from './injection-score.js';
import { INJECTION_SIGNALS, type InjectionKind, RAW_SIGNALS, SQUASHED_SIGNALS } from './injection-signals.js';

export type DetectedInjectionKind = InjectionKind | 'combined_cues';

/** The first attack kind found in the text, or null. */
export function detectPromptInjection(text: string): DetectedInjectionKind | null {
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
