// A ranker loaded from a snapshot (written to the file format and read back) ranks exactly as one
// that indexes its tools itself, and a snapshot of another tool set is never picked up.
import { describe, expect, it } from 'vitest';
import { createBuiltinTools } from '../builtin-tools.js';
import type { ToolSpec } from '../tool-spec.js';
import {
  decodeToolIndexSnapshots,
  encodeToolIndexSnapshots,
  shippedToolIndexSnapshot,
  toolIndexFingerprint,
} from './tool-index-snapshot.js';
import { createToolRanker, DEFAULT_RANKER_WEIGHTS } from './tool-ranker.js';

const tools = createBuiltinTools({ enableNetwork: false, networkAllowHosts: [], searxngUrl: null });
const names = (ranked: ToolSpec[]): string[] => ranked.map((tool) => tool.name);

describe('tool index snapshot', () => {
  it('ranks every example request and a few misspelt ones exactly as a freshly built index', () => {
    const built = createToolRanker(tools, DEFAULT_RANKER_WEIGHTS, { snapshot: null });
    const [snapshot] = decodeToolIndexSnapshots(encodeToolIndexSnapshots([built.indexSnapshot()]));
    const loaded = createToolRanker(tools, DEFAULT_RANKER_WEIGHTS, { snapshot });
    const requests = [
      ...tools.flatMap((tool) => tool.examples ?? []),
      'compute 21 * 2',
      'urldecode this',
      'sortd list',
    ];
    expect(requests.length).toBeGreaterThan(1000);
    const differing = requests.filter(
      (request) =>
        names(loaded.rank(request, { limit: 10 })).join() !== names(built.rank(request, { limit: 10 })).join(),
    );
    expect(differing).toEqual([]);
  });

  it('fingerprints the indexed text and the weights, so another tool set or weighting does not match', () => {
    const fingerprint = toolIndexFingerprint(tools, DEFAULT_RANKER_WEIGHTS);
    expect(toolIndexFingerprint(tools.slice(1), DEFAULT_RANKER_WEIGHTS)).not.toBe(fingerprint);
    expect(toolIndexFingerprint(tools, { ...DEFAULT_RANKER_WEIGHTS, bm25Share: 0.5 })).not.toBe(fingerprint);
    const edited = tools.map((tool, index) => (index === 0 ? { ...tool, description: `${tool.description}!` } : tool));
    expect(toolIndexFingerprint(edited, DEFAULT_RANKER_WEIGHTS)).not.toBe(fingerprint);
    // Source runs ship no snapshot; a fingerprint no catalog has is never found in dist either.
    expect(shippedToolIndexSnapshot('0'.repeat(64))).toBeNull();
  });
});
