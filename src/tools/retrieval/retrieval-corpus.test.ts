// The labelled retrieval corpus is what it claims to be: large, covering the whole catalog, varied,
// and split by its fixed rule with paraphrase groups never crossing splits.
import { describe, expect, it } from 'vitest';
import { createBuiltinTools } from '../builtin-tools.js';
import { type CorpusItem, HELD_BACK_FILES, readCorpusSplit, splitForGroup } from '../test-support/retrieval-corpus.js';

const splits = { train: readCorpusSplit('train'), dev: readCorpusSplit('dev'), test: readCorpusSplit('test') };
const all: CorpusItem[] = [...splits.train, ...splits.dev, ...splits.test];
const catalog = createBuiltinTools({ enableNetwork: true, networkAllowHosts: [], searxngUrl: 'http://127.0.0.1:8888' });

describe('retrieval corpus', () => {
  it('has at least 1000 distinct requests covering every tool of the catalog', () => {
    expect(all.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(all.map((item) => item.text.toLowerCase().trim())).size).toBe(all.length);
    const named = new Set(all.flatMap((item) => item.tools));
    expect(catalog.map((tool) => tool.name).filter((name) => !named.has(name))).toEqual([]);
    expect([...named].filter((name) => !catalog.some((tool) => tool.name === name))).toEqual([]);
  });

  it('labels each item with its family (the intended tool category), register and language', () => {
    const categories = new Map(catalog.map((tool) => [tool.name, tool.category]));
    for (const item of all) {
      expect(item.family).toBe(categories.get(item.tools[0]));
      expect(item.register).toMatch(/^(command|question|terse|typo|situation|indirect|verbose)$/);
      expect(item.lang).toMatch(/^[a-z]{2}$/);
    }
    // Varied by construction: every register, several languages, short and long requests.
    expect(new Set(all.map((item) => item.register)).size).toBe(7);
    expect(new Set(all.map((item) => item.lang)).size).toBeGreaterThanOrEqual(5);
    const lengths = all.map((item) => item.text.split(/\s+/).length);
    expect(Math.min(...lengths)).toBeLessThanOrEqual(2);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(30);
  });

  it('places every group by its salted hash (the original labels in train) and never across splits', () => {
    const splitOfGroup = new Map<string, string>();
    for (const [split, items] of Object.entries(splits)) {
      for (const item of items) {
        expect(item.source === 'riptide-labels-v0' ? 'train' : splitForGroup(item.group)).toBe(split);
        expect(splitOfGroup.get(item.group) ?? split).toBe(split);
        splitOfGroup.set(item.group, split);
      }
    }
    expect(splits.dev.length).toBeGreaterThanOrEqual(150);
    expect(splits.test.length).toBeGreaterThanOrEqual(150);
  });

  it('repeats no request of the hand-written held-back sets (test-v2, test-v3)', () => {
    const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
    const heldBack = HELD_BACK_FILES.flatMap((file) => readCorpusSplit(file));
    expect(heldBack.length).toBeGreaterThanOrEqual(150 + 156);
    const texts = new Set(heldBack.map((item) => normalise(item.text)));
    expect(all.filter((item) => texts.has(normalise(item.text))).map((item) => item.id)).toEqual([]);
  });
});
