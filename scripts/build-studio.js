#!/usr/bin/env node
// Builds the Studio (React + Vite) into studio/dist, which `riptide serve` serves at `/`, then reports
// how much JavaScript a first visit downloads: the entry with its static imports (what index.html
// loads before any view) and that plus the default view, Chat — raw and gzip.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}/studio/vite.config.ts`)) {
  console.log('studio: no Vite project yet, nothing to build');
  process.exit(0);
}
const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
const result = spawnSync(
  process.execPath,
  [vite, 'build', '--config', 'studio/vite.config.ts', '--logLevel', 'warn', '--manifest'],
  { cwd: root, stdio: 'inherit' },
);
if (result.status !== 0) process.exit(result.status ?? 1);

const dist = path.join(root, 'studio/dist');
const manifestDir = path.join(dist, '.vite');
const manifest = JSON.parse(readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8'));
// The manifest is only for this report; the server has no use for it.
rmSync(manifestDir, { recursive: true, force: true });

/** The chunk files a key loads up front: itself and its static imports, transitively. */
function staticClosure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, files);
  return files;
}

function measure(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return `${(raw / 1000).toFixed(1)} kB (gzip ${(gzip / 1000).toFixed(1)} kB)`;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const chatKey = Object.keys(manifest).find((key) => key.endsWith('views/chat-view.tsx'));
const allJs = Object.values(manifest)
  .map((chunk) => chunk.file)
  .filter((file) => file.endsWith('.js'));
const entryFiles = staticClosure(entryKey);
console.log(
  `studio: initial JS ${measure(entryFiles)}; with the Chat view ${measure(staticClosure(chatKey, new Set(entryFiles)))}; all chunks ${measure(new Set(allJs))}`,
);
