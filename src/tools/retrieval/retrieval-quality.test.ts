// Retrieval quality on a labelled set of natural-language requests: top-1 and top-4 accuracy of
// the registry's BM25 ranking over every built-in tool.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBuiltinTools } from '../builtin-tools.js';
import { createToolRegistry } from '../tool-registry.js';

const labels = JSON.parse(fs.readFileSync(new URL('./retrieval-labels.json', import.meta.url), 'utf8')) as Array<
  [string, string]
>;
const registry = createToolRegistry({
  tools: createBuiltinTools({ enableNetwork: true, networkAllowHosts: [], searxngUrl: 'http://127.0.0.1:8888' }),
  timeoutMs: 1_000,
});

describe('tool retrieval quality', () => {
  it('has a labelled set of at least 150 requests naming existing tools', () => {
    expect(labels.length).toBeGreaterThanOrEqual(150);
    expect(labels.filter(([, tool]) => !registry.get(tool)).map(([, tool]) => tool)).toEqual([]);
  });

  it('ranks calculator first for "what is 17 * 23" and "calc"', () => {
    expect(registry.search('what is 17 * 23', { limit: 4 })[0]?.name).toBe('calculator');
    expect(registry.search('calc', { limit: 4 })[0]?.name).toBe('calculator');
  });

  it('reaches top-4 accuracy of at least 0.9', () => {
    let top1 = 0;
    let top4 = 0;
    const misses: string[] = [];
    for (const [request, expected] of labels) {
      const names = registry.search(request, { limit: 4 }).map((tool) => tool.name);
      if (names[0] === expected) top1++;
      if (names.includes(expected)) top4++;
      else misses.push(`${request} → ${names.join(', ')} (want ${expected})`);
    }
    const top1Accuracy = top1 / labels.length;
    const top4Accuracy = top4 / labels.length;
    console.log(
      `retrieval over ${labels.length} requests: top-1 ${top1Accuracy.toFixed(3)}, top-4 ${top4Accuracy.toFixed(3)}`,
    );
    if (misses.length > 0) console.log(`top-4 misses:\n  ${misses.join('\n  ')}`);
    expect(top4Accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('honours the allow-list, category and side-effect filters', () => {
    expect(
      registry.search('save a note', { allow: ['calculator', 'word_count'] }).map((tool) => tool.name),
    ).not.toContain('write_note');
    expect(registry.search('hash', { category: 'hashing' }).every((tool) => tool.category === 'hashing')).toBe(true);
    expect(registry.search('write a file', { includeSideEffecting: false }).some((tool) => tool.side_effecting)).toBe(
      false,
    );
  });
});
