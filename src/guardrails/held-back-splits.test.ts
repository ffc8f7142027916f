// The hand-written held-back splits stay out of what the detectors are trained and tuned on: no item
// of train, dev or test repeats one of their texts (the corpus builds refuse such items; this checks
// the committed files), and each held-back split keeps its attacks and benign items, or PII and
// look-alikes, in the proportions the reports describe.
import { describe, expect, it } from 'vitest';
import { type CorpusSplit, readInjectionCorpus, readPiiCorpus } from './test-support/safety-corpus.js';

const HASHED: CorpusSplit[] = ['train', 'dev', 'test'];

describe('held-back splits', () => {
  it('share no injection text with train, dev or test', () => {
    const seen = new Set(HASHED.flatMap((split) => readInjectionCorpus(split).map((item) => item.text)));
    for (const split of ['test-v2', 'test-v3', 'test-v4'] as const) {
      const items = readInjectionCorpus(split);
      expect(items.filter((item) => seen.has(item.text)).map((item) => item.id)).toEqual([]);
      expect(items.some((item) => item.label === 1) && items.some((item) => item.label === 0)).toBe(true);
    }
    const v4 = readInjectionCorpus('test-v4');
    expect(v4.filter((item) => item.label === 1).length).toBeGreaterThanOrEqual(60);
    expect(v4.filter((item) => item.label === 0).length).toBeGreaterThanOrEqual(60);
  });

  it('share no PII text with train, dev or test', () => {
    const seen = new Set(HASHED.flatMap((split) => readPiiCorpus(split).map((item) => item.text)));
    for (const split of ['test-v2', 'test-v3'] as const) {
      const items = readPiiCorpus(split);
      expect(items.filter((item) => seen.has(item.text)).map((item) => item.id)).toEqual([]);
    }
    const v3 = readPiiCorpus('test-v3');
    expect(v3.filter((item) => item.entities.length > 0).length).toBeGreaterThanOrEqual(40);
    expect(v3.filter((item) => item.entities.length === 0).length).toBeGreaterThanOrEqual(30);
  });
});
