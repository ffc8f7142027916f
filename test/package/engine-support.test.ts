// `npm install` must not warn EBADENGINE on the Node versions the README promises: every package the
// lockfile installs (dev tools included, since `npm install` in a clone installs them) has to accept
// the oldest promised Node. This is the check that would have caught @langchain/openai 1.6 (Node 22).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;
}

describe('supported Node versions', () => {
  const manifest = readJson<{ engines: { node: string } }>('package.json');
  const oldestPromised = semver.minVersion(manifest.engines.node)?.version as string;

  it('the README promises the same Node range as package.json', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const promised = /Node\.js ≥ (\d+\.\d+)/.exec(readme)?.[1];
    expect(promised).toBeDefined();
    expect(semver.coerce(promised)?.version).toBe(oldestPromised);
  });

  it('every locked package accepts the oldest promised Node', () => {
    const lock = readJson<{ packages: Record<string, LockedPackage> }>('package-lock.json');
    const refusing = Object.entries(lock.packages)
      .filter(([, entry]) => {
        const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
        return range !== undefined && !semver.satisfies(oldestPromised, range);
      })
      .map(([location, entry]) => `${location}@${entry.version}`);
    expect(refusing).toEqual([]);
  });
});
