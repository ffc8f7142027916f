#!/usr/bin/env node
// Builds the Studio (React + Vite) into studio/dist, which `riptide serve` serves at `/`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}/studio/vite.config.ts`)) {
  console.log('studio: no Vite project yet, nothing to build');
  process.exit(0);
}
const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
const result = spawnSync(process.execPath, [vite, 'build', '--config', 'studio/vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
