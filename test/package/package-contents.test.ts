// What `npm publish` would ship, and that both entry points load from it: the test support of this
// repository (fake servers, fixtures that import vitest) stays out of the package, `riptide/testing`
// is importable through the package's own `exports`, and the main entry never reaches vitest.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = path.join(root, 'dist');

function packedFiles(): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
  });
  const [report] = JSON.parse(output) as [{ files: { path: string }[] }];
  return report.files.map((file) => file.path);
}

/** Every bare module specifier reachable from a built entry file through relative imports. */
function reachablePackages(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = [entry];
  const importPattern =
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2];
      if (!specifier) continue;
      if (specifier.startsWith('.')) pending.push(path.resolve(path.dirname(file), specifier));
      else
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
    }
  }
  return packages;
}

describe('the published package', () => {
  it('has been built (npm test builds before it tests)', () => {
    expect(fs.existsSync(path.join(dist, 'index.js')), 'run `npm run build:server` first').toBe(true);
  });

  it('ships the library and riptide/testing, but no tests or repository test support', () => {
    const files = packedFiles();
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/testing/index.js');
    expect(files).toContain('bin/riptide.js');
    expect(files.filter((file) => /\.test\.(js|d\.ts)$/.test(file))).toEqual([]);
    expect(files.filter((file) => file.includes('test-support'))).toEqual([]);
  }, 120_000);

  it('loads riptide and riptide/testing through the package exports', async () => {
    const script = [
      "const main = await import('riptide');",
      "const testing = await import('riptide/testing');",
      'console.log(JSON.stringify({ main: typeof main.createRiptide, mock: typeof testing.MockLanguageModel, conformance: typeof testing.runStoreConformance }));',
    ].join('\n');
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(JSON.parse(output.trim())).toEqual({ main: 'function', mock: 'function', conformance: 'function' });
  }, 120_000);

  it('keeps vitest out of everything the main entry imports', () => {
    const packages = reachablePackages(path.join(dist, 'index.js'));
    expect(packages.has('ai')).toBe(true); // the walk sees the entry's real dependencies
    expect(packages.has('vitest')).toBe(false);
  });
});
