import { describe, expect, it } from 'vitest';
import { defaultPiiDetectors } from './pii-detectors.js';
import { requirementGate, TextFeatures } from './pii-prefilter.js';
import { piiRedaction } from './pii-redactor.js';
import { decodeRequirementSnapshot, encodeRequirementSnapshot, patternKey } from './pii-requirement-snapshot.js';
import { regexRequirement } from './regex-requirements.js';
import { readPiiCorpus } from './test-support/safety-corpus.js';

// The train and dev splits (the test splits stay with `npm run bench:safety`), each text also
// upper- and lowercased so the case rules of the gate are exercised, plus run-path strings.
const corpus = [...readPiiCorpus('train'), ...readPiiCorpus('dev')].flatMap((item) => [
  item.text,
  item.text.toUpperCase(),
  item.text.toLowerCase(),
]);
const runStrings = [
  '42',
  'calculator',
  'analyst',
  'The answer is 42.',
  '21 * 2',
  'What is 21 * 2? Use the calculator.',
];

describe('the PII prefilter', () => {
  it('never changes a redaction: the corpus through the gated and the ungated redactor', () => {
    const gated = piiRedaction(defaultPiiDetectors());
    const ungated = piiRedaction(defaultPiiDetectors(), { prefilter: false });
    let redacted = 0;
    for (const text of [...corpus, ...runStrings]) {
      const [a, b] = [gated(text), ungated(text)];
      expect({ text, out: a.text, counts: [...a.counts] }).toEqual({ text, out: b.text, counts: [...b.counts] });
      if (b.counts.size > 0) redacted++;
    }
    // The comparison means something only if the corpus exercises the detectors.
    expect(redacted).toBeGreaterThan(1000);
  });

  it('lets every candidate a detector pattern finds through, confirmed or not', () => {
    let candidates = 0;
    for (const detector of defaultPiiDetectors()) {
      const gate = requirementGate(regexRequirement(detector.pattern));
      for (const text of corpus) {
        for (const match of text.matchAll(detector.pattern)) {
          candidates++;
          // The matched text alone must pass: the requirement is about the match, not its surroundings.
          const passes = gate(new TextFeatures(match[0]));
          expect({ pattern: detector.pattern.source.slice(0, 80), match: match[0], passes }).toMatchObject({
            passes: true,
          });
        }
      }
    }
    expect(candidates).toBeGreaterThan(5000);
  });

  it('skips all but the digit-run detectors on strings no detector can match', () => {
    const detectors = defaultPiiDetectors();
    const gates = detectors.map((detector) => requirementGate(regexRequirement(detector.pattern)));
    for (const text of ['42', 'calculator', 'analyst', '21 * 2']) {
      const features = new TextFeatures(text);
      const running = detectors.filter((_, index) => gates[index](features));
      // The phone and address patterns start at any digit; their validators reject these.
      expect(running.map((detector) => detector.kind).filter((kind) => kind !== 'phone' && kind !== 'address')).toEqual(
        [],
      );
    }
  });
});

describe('the shipped requirement snapshot', () => {
  it('reads back every default pattern as the analysis gives it, keyed by source and flags', () => {
    const patterns = defaultPiiDetectors().map((detector) => detector.pattern);
    const snapshot = decodeRequirementSnapshot(
      encodeRequirementSnapshot(patterns.map((pattern) => [pattern, regexRequirement(pattern)])),
    );
    expect(snapshot.size).toBe(new Set(patterns.map(patternKey)).size);
    for (const pattern of patterns) expect(snapshot.get(patternKey(pattern))).toEqual(regexRequirement(pattern));
    expect(snapshot.get(patternKey(/\d+/gi))).toBeUndefined();
  });
});

describe('regexRequirement', () => {
  it('joins case pairs into literals and keeps the most selective run', () => {
    expect(regexRequirement(/\b[nN][aA][mM][eE]\s*[:=]/g)).toEqual({
      minLength: 5,
      digits: 0,
      uppercase: 0,
      literals: ['name'],
    });
    expect(regexRequirement(/api[_-]?key/gi).literals).toEqual(['apikey', 'api_key', 'api-key']);
  });

  it('counts digits and capitals a match must hold, taking the smallest over alternatives', () => {
    expect(regexRequirement(/\p{Lu}\d{3}|[A-Z]{2}\d/u)).toMatchObject({ minLength: 3, digits: 1, uppercase: 1 });
    expect(regexRequirement(/(?:\d{2}){0,3}x/)).toMatchObject({ minLength: 1, digits: 0, literals: ['x'] });
  });

  it('claims nothing it cannot be sure of', () => {
    // Under `i` capitals are not required, and under `iu` ASCII letters match ſ and the Kelvin sign.
    expect(regexRequirement(/[A-Z]{3}/i)).toMatchObject({ uppercase: 0 });
    expect(regexRequirement(/KEY/i)).toMatchObject({ uppercase: 0, literals: ['key'] });
    expect(regexRequirement(/ks/iu).literals).toBeNull();
    expect('ſ'.match(/s/iu)).not.toBeNull();
    // Σ lowercases by context; a back-reference may match the empty string.
    expect(regexRequirement(/Σ/).literals).toBeNull();
    expect(regexRequirement(/(a*)\1/).minLength).toBe(0);
    // Lookarounds do not consume: their contents are not required of the match.
    expect(regexRequirement(/(?<=secret)x(?=\d)/)).toEqual({ minLength: 1, digits: 0, uppercase: 0, literals: ['x'] });
  });
});
