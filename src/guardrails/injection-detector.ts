// Prompt-injection detection in layers: normalisation (detection-text.ts) → the trained linear
// classifier (injection-classifier.ts) → the high-precision phrase patterns (injection-signals.ts),
// which lower the classifier's bar when they fire (for tool outputs also the orders addressed to an
// AI reader, reader-directive-cues.ts). Used for user input and for tool outputs.
import { detectionViews } from './detection-text.js';
import { type InjectionModel, injectionProbability, loadDefaultInjectionModel } from './injection-classifier.js';
import type { Channel } from './injection-features.js';
import { type DetectedInjectionKind, detectPhraseCue } from './injection-patterns.js';

export interface InjectionVerdict {
  injection: boolean;
  /** The classifier's probability for the most suspicious window. */
  probability: number;
  /** What kind of attack a phrase pattern recognised, or 'learned_classifier' when only the model did. */
  kind: DetectedInjectionKind | 'learned_classifier' | null;
}

/** The text the classifier reads: every distinct normalised view, joined. */
export function classifierText(text: string): string {
  return detectionViews(text).texts.join(' \n ');
}

export interface InjectionDetector {
  detect(text: string, channel: Channel): InjectionVerdict;
}

export function createInjectionDetector(model: InjectionModel = loadDefaultInjectionModel()): InjectionDetector {
  return {
    detect(text, channel) {
      const probability = injectionProbability(model, classifierText(text), channel);
      // The patterns are only worth running when their verdict could change the decision or name it.
      const { threshold, cueThreshold } = model.thresholds[channel];
      if (probability < cueThreshold) return { injection: false, probability, kind: null };
      const cue = detectPhraseCue(text, channel);
      if (probability >= threshold) return { injection: true, probability, kind: cue ?? 'learned_classifier' };
      return cue ? { injection: true, probability, kind: cue } : { injection: false, probability, kind: null };
    },
  };
}
