// The hand-written held-back splits (test-v2, test-v3, test-v4) are never trained on: a corpus build
// calls this before writing its splits, and it throws if any generated item repeats one of their texts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function refuseHeldBackRepeats(
  dir: string,
  files: readonly string[],
  items: readonly { id: string; text: string }[],
): void {
  const heldBack = new Set(
    files
      .map((file) => path.join(dir, file))
      .filter((file) => existsSync(file))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { text: string }).text),
      ),
  );
  const repeats = items.filter((item) => heldBack.has(item.text));
  if (repeats.length > 0)
    throw new Error(`corpus items repeat a held-back split: ${repeats.map((item) => item.id).join(', ')}`);
}
