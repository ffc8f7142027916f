// Prompt-injection detection on the TEST split of data/injection (never used for training or for
// choosing thresholds): recall per attack family, false-positive rate per benign look-alike family,
// per channel and per language, and overall precision / recall / false-positive rate.
import { createInjectionDetector } from '../../src/guardrails/injection-detector.js';
import { type CorpusSplit, readInjectionCorpus } from '../../src/guardrails/test-support/safety-corpus.js';
import { printTable, rate } from '../safety-table.js';

export default async function report(): Promise<void> {
  for (const split of ['test', 'test-v2', 'test-v3', 'test-v4'] as const) splitReport(split);
}

function splitReport(split: CorpusSplit): void {
  const detector = createInjectionDetector();
  const scored = readInjectionCorpus(split).map((item) => ({
    item,
    flagged: detector.detect(item.text, item.channel).injection,
  }));
  const attacks = scored.filter(({ item }) => item.label === 1);
  const benign = scored.filter(({ item }) => item.label === 0);
  const truePositives = attacks.filter((entry) => entry.flagged).length;
  const falsePositives = benign.filter((entry) => entry.flagged).length;
  console.log(
    `\ninjection, ${split} split (riptide's own corpus): ${attacks.length} attacks, ${benign.length} benign — ` +
      `precision ${rate(truePositives, truePositives + falsePositives)}, recall ${rate(truePositives, attacks.length)}, ` +
      `false-positive rate ${rate(falsePositives, benign.length)}`,
  );
  const groupBy = (key: (entry: (typeof scored)[number]) => string, entries: typeof scored) => {
    const groups = new Map<string, typeof scored>();
    for (const entry of entries) groups.set(key(entry), [...(groups.get(key(entry)) ?? []), entry]);
    return [...groups].sort(([a], [b]) => a.localeCompare(b));
  };
  console.log('\nattack families (recall)');
  printTable(
    ['family', 'items', 'caught', 'recall'],
    groupBy((entry) => entry.item.family, attacks).map(([family, entries]) => {
      const caught = entries.filter((entry) => entry.flagged).length;
      return [family, entries.length, caught, rate(caught, entries.length)];
    }),
  );
  console.log('\nbenign look-alike families (false positives)');
  printTable(
    ['family', 'items', 'blocked', 'fpr'],
    groupBy((entry) => entry.item.family, benign).map(([family, entries]) => {
      const blocked = entries.filter((entry) => entry.flagged).length;
      return [family, entries.length, blocked, rate(blocked, entries.length)];
    }),
  );
  console.log('\nby channel and language');
  printTable(
    ['slice', 'attacks', 'recall', 'benign', 'fpr'],
    [
      ...groupBy((entry) => `channel ${entry.item.channel}`, scored),
      ...groupBy((entry) => `lang ${entry.item.lang}`, scored),
    ].map(([slice, entries]) => {
      const sliceAttacks = entries.filter(({ item }) => item.label === 1);
      const sliceBenign = entries.filter(({ item }) => item.label === 0);
      return [
        slice,
        sliceAttacks.length,
        rate(sliceAttacks.filter((entry) => entry.flagged).length, sliceAttacks.length),
        sliceBenign.length,
        rate(sliceBenign.filter((entry) => entry.flagged).length, sliceBenign.length),
      ];
    }),
  );
}
