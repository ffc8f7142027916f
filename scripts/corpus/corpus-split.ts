// Deterministic train/dev/test assignment by group: every item derived from the same base phrasing
// (its obfuscations, carriers and translations of one sentence) lands in the same split, so the test
// split measures phrasings the classifier never saw rather than memorised ones.
import { createHash } from 'node:crypto';

export type Split = 'train' | 'dev' | 'test';

/** Seed of the split; changing it re-deals every group (never change it after tuning started). */
export const SPLIT_SEED = 'riptide-safety-corpus-v1';

/** 60 / 20 / 20 by a hash of the seed and the group id (independent of item order). */
export function splitOf(group: string): Split {
  const digest = createHash('sha256').update(`${SPLIT_SEED}\u0000${group}`).digest();
  const bucket = digest.readUInt32BE(0) / 0x1_0000_0000;
  if (bucket < 0.6) return 'train';
  if (bucket < 0.8) return 'dev';
  return 'test';
}
