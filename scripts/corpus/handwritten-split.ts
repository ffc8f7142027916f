// Writes a hand-written held-back injection split (test-v2, test-v3, test-v4) as JSON lines: attacks first,
// then benign items, each its own group, so every such split has the same shape and ids.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Channel = 'input' | 'tool_output';
export type Row = [family: string, channel: Channel, lang: string, text: string];

export function writeHandwrittenSplit(
  version: 'v2' | 'v3' | 'v4',
  attacks: readonly Row[],
  benign: readonly Row[],
): void {
  const rows = [
    ...attacks.map((row) => ({ row, label: 1 as const })),
    ...benign.map((row) => ({ row, label: 0 as const })),
  ];
  const lines = rows.map(({ row: [family, channel, lang, text], label }, index) =>
    JSON.stringify({
      id: `inj-${version}-${String(index + 1).padStart(4, '0')}`,
      text,
      label,
      family,
      channel,
      lang,
      group: `${version}-${index + 1}`,
      source: `riptide-handwritten-${version}`,
    }),
  );
  const file = `test-${version}.jsonl`;
  writeFileSync(fileURLToPath(new URL(`../../data/injection/${file}`, import.meta.url)), `${lines.join('\n')}\n`);
  console.log(`data/injection/${file}: ${attacks.length} attacks, ${benign.length} benign`);
}
