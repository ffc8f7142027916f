// The tool-retrieval index built ahead of time: `npm run build:server` runs
// scripts/build-tool-index.js, which builds the ranker's BM25 index and embedded document rows for
// the built-in catalogs and writes them next to the compiled code (tool-index.json). A ranker whose
// tools and weights have the snapshot's fingerprint loads it in a few ms instead of indexing ~200
// tools and ~1900 example requests at its first search; any other tool set is indexed as before.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ToolSpec } from '../tool-spec.js';
import type { SemanticRows } from './semantic-index.js';
import type { TextIndexSnapshot } from './text-index.js';

/** Bumped whenever what the ranker indexes (or how) changes, so older snapshots stop matching. */
const SNAPSHOT_FORMAT = 2;

export interface ToolIndexSnapshot {
  fingerprint: string;
  text: TextIndexSnapshot;
  semantic: SemanticRows;
}

interface StoredSnapshot {
  fingerprint: string;
  text: TextIndexSnapshot;
  semantic: { owners: number[]; weights: number[]; vectors: string };
}

export const TOOL_INDEX_FILE = new URL('./tool-index.json', import.meta.url);

/** Identifies an index: the indexed text of every tool, in order, and the weights it was built with. */
export function toolIndexFingerprint(tools: readonly ToolSpec[], weights: object): string {
  const hash = createHash('sha256').update(JSON.stringify([SNAPSHOT_FORMAT, weights]));
  for (const tool of tools) {
    hash.update(JSON.stringify([tool.name, tool.tags, tool.description, tool.category, tool.examples ?? []]));
  }
  return hash.digest('hex');
}

/** The snapshots as the file stores them: the document vectors as base64 of their float32 bytes (exact). */
export function encodeToolIndexSnapshots(snapshots: readonly ToolIndexSnapshot[]): string {
  const stored: StoredSnapshot[] = snapshots.map(({ fingerprint, text, semantic }) => ({
    fingerprint,
    text,
    semantic: {
      owners: semantic.owners,
      weights: semantic.weights,
      vectors: Buffer.from(semantic.vectors.buffer, semantic.vectors.byteOffset, semantic.vectors.byteLength).toString(
        'base64',
      ),
    },
  }));
  return JSON.stringify(stored);
}

/** The snapshots of a file written by encodeToolIndexSnapshots. */
export function decodeToolIndexSnapshots(text: string): ToolIndexSnapshot[] {
  return (JSON.parse(text) as StoredSnapshot[]).map(decode);
}

function decode(stored: StoredSnapshot): ToolIndexSnapshot {
  const bytes = Buffer.from(stored.semantic.vectors, 'base64');
  // A fresh aligned buffer: a Float32Array view needs a 4-byte aligned offset.
  const vectors = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(vectors.buffer).set(bytes);
  return {
    fingerprint: stored.fingerprint,
    text: stored.text,
    semantic: { owners: stored.semantic.owners, weights: stored.semantic.weights, vectors },
  };
}

// Read once per process (read-only data shipped with the package); null when none was built (a
// source checkout run through tsx).
let shipped: StoredSnapshot[] | null | undefined;

/** The shipped snapshot with this fingerprint, or null. */
export function shippedToolIndexSnapshot(fingerprint: string): ToolIndexSnapshot | null {
  if (shipped === undefined) {
    shipped = fs.existsSync(TOOL_INDEX_FILE)
      ? (JSON.parse(fs.readFileSync(TOOL_INDEX_FILE, 'utf8')) as StoredSnapshot[])
      : null;
  }
  const match = shipped?.find((snapshot) => snapshot.fingerprint === fingerprint);
  return match ? decode(match) : null;
}
