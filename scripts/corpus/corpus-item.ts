// The labelled-item shapes of the two development corpora (data/injection, data/pii) and the
// writer that stores each split as JSON Lines.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Split, splitOf } from './corpus-split.js';

export interface InjectionItem {
  id: string;
  text: string;
  /** 1 = an attack to block (or quarantine), 0 = benign. */
  label: 0 | 1;
  /** Attack family, or for benign items the look-alike family they resemble. */
  family: string;
  /** Where the text arrives: the user's input, or a tool's output the model would read. */
  channel: 'input' | 'tool_output';
  lang: string;
  /** Near-duplicates share a group; a group never spans two splits. */
  group: string;
  source: string;
  /** For an attack embedded in a carrier (page, email, JSON…): the embedded attack text alone. */
  payload?: string;
}

export interface PiiEntity {
  kind: string;
  value: string;
}

export interface PiiItem {
  id: string;
  text: string;
  /** Entity type for PII items (the first entity's kind), or the look-alike family for negatives. */
  family: string;
  /** Every value that must disappear; empty for look-alike items, which must come back unchanged. */
  entities: PiiEntity[];
  lang: string;
  group: string;
  source: string;
}

/** Writes train/dev/test.jsonl by each item's group and returns the counts per split. */
export function writeSplits<T extends { group: string }>(dir: string, items: readonly T[]): Record<Split, number> {
  const splits: Record<Split, string[]> = { train: [], dev: [], test: [] };
  for (const item of items) splits[splitOf(item.group)].push(JSON.stringify(item));
  mkdirSync(dir, { recursive: true });
  for (const [split, lines] of Object.entries(splits)) {
    writeFileSync(path.join(dir, `${split}.jsonl`), `${lines.join('\n')}\n`);
  }
  return { train: splits.train.length, dev: splits.dev.length, test: splits.test.length };
}
