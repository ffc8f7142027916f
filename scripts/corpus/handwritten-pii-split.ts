// Writes a hand-written held-back PII split (test-v2, test-v3) as JSON lines: texts with PII first,
// then look-alikes, each its own group, so every such split has the same shape and ids.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Entity = { kind: string; value: string };
export type PiiRow = [lang: string, text: string, entities: Entity[]];
export const entity = (kind: string, value: string): Entity => ({ kind, value });

export function writeHandwrittenPiiSplit(
  version: 'v2' | 'v3',
  withPii: readonly PiiRow[],
  lookalikes: readonly PiiRow[],
): void {
  const lines = [...withPii, ...lookalikes].map(([lang, text, entities], index) =>
    JSON.stringify({
      id: `pii-${version}-${String(index + 1).padStart(4, '0')}`,
      text,
      family: entities[0]?.kind ?? 'lookalike',
      entities,
      lang,
      group: `${version}-${index + 1}`,
      source: `riptide-handwritten-${version}`,
    }),
  );
  const file = `test-${version}.jsonl`;
  writeFileSync(fileURLToPath(new URL(`../../data/pii/${file}`, import.meta.url)), `${lines.join('\n')}\n`);
  console.log(`data/pii/${file}: ${withPii.length} texts with PII, ${lookalikes.length} look-alikes`);
}
