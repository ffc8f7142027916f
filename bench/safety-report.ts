// The safety report: runs every module in bench/safety/ (read at run time, so a new report is a new
// file there and nothing else), each printing its figures on the TEST splits of riptide's own
// corpora. Contract for a module: `export default async function report(): Promise<void>`.
// Usage: npm run bench:safety
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('./safety/', import.meta.url));
const modules = readdirSync(dir)
  .filter((file) => /\.ts$/.test(file) && !file.endsWith('.test.ts'))
  .sort();
let failed = 0;
for (const file of modules) {
  console.log(`\n== ${file}`);
  try {
    const module = (await import(pathToFileURL(`${dir}${file}`).href)) as { default?: () => Promise<void> | void };
    if (typeof module.default !== 'function') throw new Error('it has no default export to run');
    await module.default();
  } catch (error) {
    failed += 1;
    console.error(`${file} failed: ${(error as Error).message}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
