// Runs the Store conformance suite on the SQLite backend (a real file in a temp dir per store).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { runStoreConformance } from '../testing/store-conformance.js';
import { createSqliteStore } from './sqlite-store.js';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
});

runStoreConformance('sqlite', async (options) => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
  directories.push(directory);
  return createSqliteStore({ file: path.join(directory, 'riptide.sqlite'), now: options?.now });
});
