// The ranker's remembered rankings: a request answered from the cache ranks exactly as a fresh
// ranker would, whatever filter and limit the caller passes, and spacing does not make it new.
import { describe, expect, it } from 'vitest';
import { createBuiltinTools } from '../builtin-tools.js';
import type { ToolSpec } from '../tool-spec.js';
import { createToolRanker } from './tool-ranker.js';

const tools = createBuiltinTools({ enableNetwork: true, networkAllowHosts: [], searxngUrl: 'http://127.0.0.1:8888' });
const names = (ranked: ToolSpec[]): string[] => ranked.map((tool) => tool.name);

describe('tool ranker cache', () => {
  it('answers a repeated request as a fresh ranker does, under any filter and limit', () => {
    const cached = createToolRanker(tools);
    const request = 'the figure half of the values fall below';
    const first = names(cached.rank(request, { limit: 10 }));
    expect(first[0]).toBe('median');
    const statistics = (tool: ToolSpec): boolean => tool.category === 'statistics';
    const filtered = names(cached.rank(request, { limit: 3, filter: statistics }));
    expect(filtered).toEqual(names(createToolRanker(tools).rank(request, { limit: 3, filter: statistics })));
    expect(filtered.every((name) => tools.find((tool) => tool.name === name)?.category === 'statistics')).toBe(true);
    expect(names(cached.rank(`  the figure   half of the values fall below `, { limit: 10 }))).toEqual(first);
    expect(cached.rank(request, { limit: 0 })).toEqual([]);
  });
});
