// PII redaction on the DEV split of data/pii (the test split is only read by `npm run bench:safety`):
// texts with PII must come back with every value gone and a violation reported, look-alikes
// (order numbers, versions, timestamps, hashes, ISBNs, …) must come back unchanged. Floors are the
// issue's goals (≥ 0.98 redacted, ≤ 0.02 false redactions), per family as well as overall.
import { describe, expect, it } from 'vitest';
import { readPiiCorpus, scorePiiItem } from './test-support/safety-corpus.js';

describe('PII redaction on the dev split', () => {
  const outcomes = readPiiCorpus('dev').map(scorePiiItem);
  const withPii = outcomes.filter((outcome) => outcome.item.entities.length > 0);
  const lookalikes = outcomes.filter((outcome) => outcome.item.entities.length === 0);

  it('redacts and flags ≥ 0.98 of texts with PII and changes ≤ 0.02 of look-alikes', () => {
    const redacted = withPii.filter((outcome) => outcome.correct).length / withPii.length;
    const falseRedactions = lookalikes.filter((outcome) => outcome.falseRedaction).length / lookalikes.length;
    console.log(
      `dev: redacted ${redacted.toFixed(3)} of ${withPii.length}, false redactions ${falseRedactions.toFixed(3)} of ${lookalikes.length}`,
    );
    expect(withPii.length).toBeGreaterThan(150);
    expect(lookalikes.length).toBeGreaterThan(50);
    expect(redacted).toBeGreaterThanOrEqual(0.98);
    expect(falseRedactions).toBeLessThanOrEqual(0.02);
  });

  it('meets the goals in every family, names the right kind, and never leaves a value behind', () => {
    const failures = new Map<string, string[]>();
    for (const outcome of outcomes) {
      if (outcome.correct && outcome.kindsCorrect) continue;
      const list = failures.get(outcome.item.family) ?? [];
      list.push(`${outcome.item.text} => ${outcome.redacted}`);
      failures.set(outcome.item.family, list);
    }
    const families = new Map<string, number>();
    for (const outcome of outcomes) families.set(outcome.item.family, (families.get(outcome.item.family) ?? 0) + 1);
    const belowGoal = [...failures].filter(([family, list]) => list.length / (families.get(family) ?? 1) > 0.02);
    expect(belowGoal).toEqual([]);
  });
});
