// A token estimate without a tokenizer, for figures that are estimates anyway (the composer's cost
// of single agent vs swarm): tokenx's per-script characters-per-token rules, a few kB, where the
// exact o200k count would load ~63 MB of tables into every server. How far it strays from o200k on
// a corpus of tasks, prose, code and eleven scripts is pinned in token-estimate.test.ts.
import { estimateTokenCount } from 'tokenx';

/** Estimated o200k tokens of `text` (never below 1 for a non-empty text). */
export function estimateTokens(text: string): number {
  return estimateTokenCount(text);
}
