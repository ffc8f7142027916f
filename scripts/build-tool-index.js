#!/usr/bin/env node
// Builds the tool-retrieval index ahead of time (dist/tools/retrieval/tool-index.json) with the
// compiled ranker itself, for the built-in catalogs a configuration can give: without and with the
// network tools. A ranker over exactly one of these tool sets loads it instead of indexing at its
// first search (src/tools/retrieval/tool-index-snapshot.ts); run after tsc, by `npm run build:server`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const { loadConfig } = await import(new URL('config/config.js', dist).href);
const { createCatalogs } = await import(new URL('riptide-catalogs.js', dist).href);
const { createToolRanker, DEFAULT_RANKER_WEIGHTS } = await import(new URL('tools/retrieval/tool-ranker.js', dist).href);
const { encodeToolIndexSnapshots, TOOL_INDEX_FILE } = await import(
  new URL('tools/retrieval/tool-index-snapshot.js', dist).href
);

const environments = [{}, { RIPTIDE_ENABLE_NETWORK: 'true' }];
const snapshots = environments.map((env) => {
  const { tools } = createCatalogs(loadConfig(env, {}));
  return createToolRanker(tools.list(), DEFAULT_RANKER_WEIGHTS, { snapshot: null }).indexSnapshot();
});
const file = fileURLToPath(TOOL_INDEX_FILE);
writeFileSync(file, encodeToolIndexSnapshots(snapshots));
console.log(`tool index: ${snapshots.length} catalogs → ${file}`);
