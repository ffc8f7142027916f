// How tests start the riptide CLI as a child process. The compiled CLI in dist/ is what users run
// and starts in a fraction of the time tsx needs to transpile the whole tree, so tests use it
// whenever it is at least as new as every source file (`npm test` builds right before vitest);
// otherwise they fall back to the TypeScript source through tsx.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const COMPILED_ENTRY = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
const SOURCE_ENTRY = path.join(REPO_ROOT, 'src', 'cli', 'main.ts');

function newestSourceMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

function compiledIsFresh(): boolean {
  if (process.env.RIPTIDE_TEST_CLI === 'source') return false;
  try {
    return statSync(COMPILED_ENTRY).mtimeMs >= newestSourceMtime(path.join(REPO_ROOT, 'src'));
  } catch {
    return false;
  }
}

/** Node arguments that start the CLI; append the subcommand and its flags. Resolved once per test file. */
export const CLI_ENTRY_ARGS: readonly string[] = compiledIsFresh()
  ? [COMPILED_ENTRY]
  : ['--import', 'tsx', SOURCE_ENTRY];
