// `npm run lint:openapi`: builds the server (offline model, a throwaway data dir), writes the
// OpenAPI document it serves to a temp file and lints it with Redocly's recommended ruleset; any
// error or warning fails the script.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestServer } from '../src/server/test-support/open-test-server.js';

async function main(): Promise<number> {
  const server = await openTestServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-openapi-'));
  const file = path.join(dir, 'openapi.json');
  try {
    fs.writeFileSync(file, JSON.stringify(server.app.swagger(), null, 2));
  } finally {
    await server.close();
  }
  const lint = spawnSync(
    'npx',
    ['redocly', 'lint', file, '--extends=recommended', '--max-problems=500', '--format=codeframe'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    },
  );
  process.stdout.write(lint.stdout ?? '');
  process.stderr.write(lint.stderr ?? '');
  fs.rmSync(dir, { recursive: true, force: true });
  // Redocly exits 0 with warnings only; warnings are problems here too.
  const warned = /\b[1-9]\d* warnings?\b/.test(`${lint.stdout}\n${lint.stderr}`);
  return lint.status !== 0 || warned ? 1 : 0;
}

process.exitCode = await main();
