// Extracts prose paragraphs from the READMEs of the permissively licensed packages installed in
// node_modules into data/injection/sources/readme-paragraphs.jsonl: real documentation written for
// people, full of orders to its human reader ("run npm install", "you must call close() before…",
// "ignore the warning", "override the default"), which is what benign tool results look like when an
// agent reads a repository or a web page. The snapshot is committed, so the corpus build does not
// depend on what is installed; each line records the package, its version and its licence.
// Usage: npx tsx scripts/corpus/extract-readme-paragraphs.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const modules = path.join(root, 'node_modules');
const PERMISSIVE = /^(?:MIT|ISC|Apache-2\.0|BSD-2-Clause|BSD-3-Clause|0BSD|BlueOak-1\.0\.0|MIT-0|Unlicense|CC0-1\.0)$/;
const PER_PACKAGE = 3;

const packageDirs = readdirSync(modules)
  .filter((name) => !name.startsWith('.'))
  .flatMap((name) =>
    name.startsWith('@') ? readdirSync(path.join(modules, name)).map((sub) => `${name}/${sub}`) : [name],
  )
  .sort();

/** Markdown reduced to prose: no code blocks, tables, badges, headings, HTML or link targets. */
function prose(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '\n\n').replace(/<[^>]+>/g, ' ');
  return withoutCode
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(
      (block) =>
        block.length >= 120 &&
        block.length <= 700 &&
        !/^[#|>*-]|^\d+\./.test(block) &&
        !/[{};=]{2}|\b(?:const|import|require|function)\b.*[({]/.test(block) &&
        /[.!?]$/.test(block) &&
        (block.match(/[a-z]/g)?.length ?? 0) / block.length > 0.6,
    );
}

const lines: string[] = [];
for (const dir of packageDirs) {
  const manifestPath = path.join(modules, dir, 'package.json');
  const readmeName = existsSync(path.join(modules, dir))
    ? readdirSync(path.join(modules, dir)).find((file) => /^readme(?:\.md)?$/i.test(file))
    : undefined;
  if (!readmeName || !existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    name?: string;
    version?: string;
    license?: unknown;
  };
  if (typeof manifest.license !== 'string' || !PERMISSIVE.test(manifest.license)) continue;
  const paragraphs = prose(readFileSync(path.join(modules, dir, readmeName), 'utf8')).slice(0, PER_PACKAGE);
  for (const text of paragraphs)
    lines.push(JSON.stringify({ package: manifest.name, version: manifest.version, license: manifest.license, text }));
}
writeFileSync(path.join(root, 'data', 'injection', 'sources', 'readme-paragraphs.jsonl'), `${lines.join('\n')}\n`);
console.log(
  `readme paragraphs: ${lines.length} from ${new Set(lines.map((line) => JSON.parse(line).package)).size} packages`,
);
