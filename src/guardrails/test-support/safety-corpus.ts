// Reading and scoring the development corpora of data/injection and data/pii, shared by the dev-split
// tests and the test-split report (bench/safety): the same definitions of recall and false positives.
import { readFileSync } from 'node:fs';
import { redactPii } from '../pii-redactor.js';

/**
 * `test-v2`, `test-v3`, `test-v4`: further held-back splits, each hand-written before the round of
 * changes it measures (scripts/corpus/test-v*-*.ts; test-v3 exists for injection and PII, test-v4
 * for injection only).
 */
export type CorpusSplit = 'train' | 'dev' | 'test' | 'test-v2' | 'test-v3' | 'test-v4';

export interface InjectionCorpusItem {
  id: string;
  text: string;
  label: 0 | 1;
  family: string;
  channel: 'input' | 'tool_output';
  lang: string;
  source: string;
}

export interface PiiCorpusItem {
  id: string;
  text: string;
  family: string;
  entities: { kind: string; value: string }[];
  lang: string;
}

function readCorpus<T>(task: 'injection' | 'pii', split: CorpusSplit): T[] {
  return readFileSync(new URL(`../../../data/${task}/${split}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

export const readInjectionCorpus = (split: CorpusSplit) => readCorpus<InjectionCorpusItem>('injection', split);
export const readPiiCorpus = (split: CorpusSplit) => readCorpus<PiiCorpusItem>('pii', split);

export interface PiiOutcome {
  item: PiiCorpusItem;
  /** PII item: every value gone and at least one violation; look-alike: text unchanged. */
  correct: boolean;
  /** PII item: every entity's kind among the reported kinds. */
  kindsCorrect: boolean;
  /** Look-alike item: the redactor changed it. */
  falseRedaction: boolean;
  redacted: string;
}

export function scorePiiItem(item: PiiCorpusItem): PiiOutcome {
  const { text, counts } = redactPii(item.text);
  if (item.entities.length === 0) {
    const changed = text !== item.text;
    return { item, correct: !changed, kindsCorrect: !changed, falseRedaction: changed, redacted: text };
  }
  const allGone = item.entities.every((entity) => !text.includes(entity.value));
  const flagged = counts.size > 0;
  return {
    item,
    correct: allGone && flagged,
    kindsCorrect: allGone && item.entities.every((entity) => counts.has(entity.kind)),
    falseRedaction: false,
    redacted: text,
  };
}
