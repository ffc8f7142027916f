// PII redaction on the TEST split of data/pii: per entity type, the share of texts with every value
// redacted and a violation reported (and with the right kind named); per look-alike family, the share
// changed at all; overall text-level precision, recall and false-redaction rate.
import { type CorpusSplit, readPiiCorpus, scorePiiItem } from '../../src/guardrails/test-support/safety-corpus.js';
import { printTable, rate } from '../safety-table.js';

export default async function report(): Promise<void> {
  for (const split of ['test', 'test-v2', 'test-v3'] as const) splitReport(split);
}

function splitReport(split: CorpusSplit): void {
  const outcomes = readPiiCorpus(split).map(scorePiiItem);
  const withPii = outcomes.filter((outcome) => outcome.item.entities.length > 0);
  const lookalikes = outcomes.filter((outcome) => outcome.item.entities.length === 0);
  const redacted = withPii.filter((outcome) => outcome.correct).length;
  const falseRedactions = lookalikes.filter((outcome) => outcome.falseRedaction).length;
  console.log(
    `\nPII, ${split} split (riptide's own corpus): ${withPii.length} texts with PII, ${lookalikes.length} look-alikes — ` +
      `precision ${rate(redacted, redacted + falseRedactions)}, recall (fully redacted and flagged) ${rate(redacted, withPii.length)}, ` +
      `false redactions ${rate(falseRedactions, lookalikes.length)}`,
  );
  const families = (entries: typeof outcomes) => {
    const groups = new Map<string, typeof outcomes>();
    for (const entry of entries) groups.set(entry.item.family, [...(groups.get(entry.item.family) ?? []), entry]);
    return [...groups].sort(([a], [b]) => a.localeCompare(b));
  };
  console.log('\nentity types (texts fully redacted and flagged)');
  printTable(
    ['type', 'texts', 'redacted', 'recall', 'right kind'],
    families(withPii).map(([family, entries]) => {
      const ok = entries.filter((entry) => entry.correct).length;
      return [
        family,
        entries.length,
        ok,
        rate(ok, entries.length),
        rate(entries.filter((entry) => entry.kindsCorrect).length, entries.length),
      ];
    }),
  );
  console.log('\nlook-alike families (false redactions)');
  printTable(
    ['family', 'texts', 'changed', 'rate'],
    families(lookalikes).map(([family, entries]) => {
      const changed = entries.filter((entry) => entry.falseRedaction).length;
      return [family, entries.length, changed, rate(changed, entries.length)];
    }),
  );
  // test-v2's and test-v3's misses are not printed: reading them would invite tuning on the held-back set.
  const misses = split === 'test' ? outcomes.filter((outcome) => !outcome.correct) : [];
  if (misses.length > 0) {
    console.log('\nmisses');
    for (const miss of misses.slice(0, 20))
      console.log(
        `  ${miss.item.family}: ${miss.item.text.replace(/\n/g, ' / ')} → ${miss.redacted.replace(/\n/g, ' / ')}`,
      );
  }
}
