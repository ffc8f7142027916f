// Every built-in tool carries example requests, and none of them is a dev or test request (they
// come from the train split and from wording written for the catalog).
import { describe, expect, it } from 'vitest';
import { createBuiltinTools } from '../builtin-tools.js';
import { HELD_BACK_FILES, readCorpusSplit } from '../test-support/retrieval-corpus.js';
import { createToolRegistry } from '../tool-registry.js';

const tools = createBuiltinTools({ enableNetwork: true, networkAllowHosts: [], searxngUrl: 'http://127.0.0.1:8888' });
const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

describe('tool examples', () => {
  it('gives every built-in tool at least three examples', () => {
    expect(tools.filter((tool) => (tool.examples ?? []).length < 3).map((tool) => tool.name)).toEqual([]);
  });

  it('never copies a dev, test, test-v2 or test-v3 request', () => {
    const heldBack = new Set(
      [...readCorpusSplit('dev'), ...readCorpusSplit('test'), ...HELD_BACK_FILES.flatMap(readCorpusSplit)].map((item) =>
        normalise(item.text),
      ),
    );
    const leaked = tools.flatMap((tool) => (tool.examples ?? []).filter((example) => heldBack.has(normalise(example))));
    expect(leaked).toEqual([]);
  });

  it('ranks on a tool’s own examples but keeps them out of the public descriptor', () => {
    const [calculator] = tools;
    const own = { ...calculator, name: 'own_examples', examples: ['reconcile the ledger'] };
    const registry = createToolRegistry({ tools: [calculator, own], timeoutMs: 1_000 });
    expect(registry.search('reconcile the ledger').map((tool) => tool.name)).toEqual(['own_examples']);
    expect(registry.describe(registry.get('own_examples')!)).not.toHaveProperty('examples');
  });
});
