// What `npm publish` would ship, and that both entry points load from it: the test support of this
// repository (fake servers, fixtures that import vitest) stays out of the package, `riptide/testing`
// is importable through the package's own `exports`, and the main entry never reaches vitest. The
// start-up guard: what `import('riptide')` and an offline `riptide run` load before their first use
// of a feature never includes the server, PostgreSQL, MCP, OpenTelemetry or the big data packages
// (issue 13: those are imported where they are first used). It reads import statements, not clocks.
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

const STATIC_IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
// A CommonJS package required at module level is loaded with the module, like a static import.
const MODULE_LEVEL_REQUIRE =
  /(?:^|\n)(?:export\s+)?(?:const|let|var)\s+\w+\s*=\s*createRequire\(import\.meta\.url\)\(['"]([^'"]+)['"]\)/g;
const ANY_IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * Every bare module specifier reachable from built entry files through relative imports: static
 * ones only (what loading the entries evaluates), or dynamic `import()`s too (what they may ever load).
 */
function reachablePackages(entries: string | string[], { dynamic = true } = {}): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const pending = Array.isArray(entries) ? [...entries] : [entries];
  const importPattern = new RegExp(
    `${(dynamic ? ANY_IMPORT : STATIC_IMPORT).source}|${MODULE_LEVEL_REQUIRE.source}`,
    'g',
  );
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier) continue;
      if (specifier.startsWith('.')) pending.push(path.resolve(path.dirname(file), specifier));
      else if (!specifier.startsWith('node:'))
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

  // Loaded on first use (a database URL, an MCP connect, an OTLP endpoint, a provider connection,
  // a priced model, a phone-length digit run, a mixed-script word, a count of tokens).
  const LAZY_EVERYWHERE = [
    'fastify',
    'pg',
    'pg-boss',
    'ioredis',
    '@modelcontextprotocol/sdk',
    '@pydantic/genai-prices',
    'libphonenumber-js',
    '@eslint-community/regexpp',
    'unhomoglyph',
    'gpt-tokenizer',
    '@ai-sdk/openai',
    '@ai-sdk/anthropic',
    '@ai-sdk/openai-compatible',
  ];
  const isLazy = (name: string) => LAZY_EVERYWHERE.includes(name) || name.startsWith('@opentelemetry/');

  it("keeps import('riptide') to what its exported values need", () => {
    const packages = [...reachablePackages(path.join(dist, 'index.js'), { dynamic: false })];
    expect(packages).toContain('zod'); // the walk sees the entry's real dependencies (its exported schemas)
    const heavy = ['ai', 'ajv', 'kysely', 'libsql', 'minisearch', 'mathjs', 'commander'];
    expect(packages.filter((name) => isLazy(name) || heavy.includes(name))).toEqual([]);
  });

  it('keeps an offline `riptide run` on SQLite free of the server, PostgreSQL, MCP, OpenTelemetry and provider packages', () => {
    // The CLI entry, the run command's own imports, and the modules createRiptide imports for the
    // default configuration (the SQLite store, the gateway, the catalogs, the run queue, MCP manager).
    const runPath = [
      'cli/main.js',
      'cli/cli-context.js',
      'core/parse-run-options.js',
      'riptide.js',
      'store/sqlite-store.js',
      'models/create-model-gateway.js',
      'riptide-catalogs.js',
      'queue/open-run-queue.js',
      'mcp/mcp-manager.js',
    ].map((file) => path.join(dist, file));
    for (const file of runPath) expect(fs.existsSync(file), file).toBe(true);
    const packages = [...reachablePackages(runPath, { dynamic: false })];
    // It sees the real ones, the module-level require of mathjs (the offline model's arithmetic) too.
    expect(packages).toEqual(expect.arrayContaining(['commander', 'ai', 'libsql', 'kysely', 'mathjs']));
    expect(packages.filter(isLazy)).toEqual([]);
  });

  it('ships the prebuilt tool-retrieval index next to the compiled ranker', () => {
    expect(fs.existsSync(path.join(dist, 'tools/retrieval/tool-index.json')), 'run `npm run build:server`').toBe(true);
    expect(packedFiles()).toContain('dist/tools/retrieval/tool-index.json');
  }, 120_000);

  it("ships the PII detectors' prebuilt pattern requirements next to the compiled prefilter", () => {
    expect(fs.existsSync(path.join(dist, 'guardrails/pii-requirements.json')), 'run `npm run build:server`').toBe(true);
    expect(packedFiles()).toContain('dist/guardrails/pii-requirements.json');
  }, 120_000);
});
