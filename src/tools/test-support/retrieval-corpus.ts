// The labelled tool-retrieval corpus in data/retrieval/: its item shape, the deterministic split
// rule, and a reader. Tests tune and check on `dev`; only the report reads `test`.
import { createHash } from 'node:crypto';
import fs from 'node:fs';

export type CorpusSplit = 'train' | 'dev' | 'test';
/** A split to read: the hashed three, or `test-v2` / `test-v3`, held-back sets each hand-written
 * before the round of changes it measures (scripts/corpus/test-v2-retrieval.ts, test-v3-retrieval.ts). */
export type CorpusFile = CorpusSplit | 'test-v2' | 'test-v3';

/** The hand-written held-back sets: no example, train item or weight may repeat or be tuned on them. */
export const HELD_BACK_FILES = ['test-v2', 'test-v3'] as const;

export interface CorpusItem {
  id: string;
  /** The request in a user's words. */
  text: string;
  /** Every tool that answers the request; the first is the intended one. */
  tools: string[];
  /** The category of the intended tool. */
  family: string;
  /** The intended tool, or a coarser label for multi-tool items. */
  intent: string;
  /** command, question, terse, typo, situation, indirect or verbose. */
  register: string;
  /** ISO 639-1 language code. */
  lang: string;
  /** Paraphrases of one request share a group, and a group never spans two splits. */
  group: string;
  /** Where the item comes from (see data/retrieval/SOURCES.md). */
  source: string;
}

export const CORPUS_DIR = new URL('../../../data/retrieval/', import.meta.url);

// Fixed before any tuning: changing the salt or the cut-offs would reshuffle the test split.
const SPLIT_SALT = 'riptide-tool-retrieval-v1';
const TRAIN_SHARE = 0.6;
const DEV_SHARE = 0.2;

/** The split a group belongs to: a salted SHA-256 of the group id, cut at 60 % / 80 %. */
export function splitForGroup(group: string): CorpusSplit {
  const digest = createHash('sha256').update(`${SPLIT_SALT}\n${group}`).digest();
  const position = digest.readUInt32BE(0) / 2 ** 32;
  if (position < TRAIN_SHARE) return 'train';
  return position < TRAIN_SHARE + DEV_SHARE ? 'dev' : 'test';
}

export function readCorpusSplit(split: CorpusFile): CorpusItem[] {
  return fs
    .readFileSync(new URL(`${split}.jsonl`, CORPUS_DIR), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusItem);
}
