// The high-precision phrase-pattern layer of injection detection: the phrase patterns of
// injection-signals.ts and the weighted cues of injection-score.ts, run over de-obfuscated views.
import { detectionViews } from './detection-text.js';
import type { Channel } from './injection-features.js';
import { INJECTION_SCORE_THRESHOLD, injectionScore } from './injection-score.js';
import { INJECTION_SIGNALS, type InjectionKind, RAW_SIGNALS, SQUASHED_SIGNALS } from './injection-signals.js';
import { addressesReaderWithOrder } from './reader-directive-cues.js';

export type DetectedInjectionKind = InjectionKind | 'combined_cues' | 'reader_directive';

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

/**
 * The phrase layer for a channel: tool outputs are also tested for orders addressed to the AI
 * reading them (reader-directive-cues.ts), which in user input would be ordinary requests.
 */
export function detectPhraseCue(text: string, channel: Channel): DetectedInjectionKind | null {
  const kind = detectPromptInjection(text);
  if (kind || channel !== 'tool_output') return kind;
  return detectionViews(text).texts.some(addressesReaderWithOrder) ? 'reader_directive' : null;
}
