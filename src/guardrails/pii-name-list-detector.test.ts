// Names that nothing introduces, found through the shipped name lists (person-names.json.gz), and the
// capitalised words that are not people (places, shops, buildings, things named after someone),
// which must come back unchanged. Sentences here are written for this test; none is in a corpus split.
import { describe, expect, it } from 'vitest';
import { redactPii } from './pii-redactor.js';

const redact = (text: string) => redactPii(text).text;

describe('names without an introduction', () => {
  it('redacts given name + surname pairs anywhere in a sentence, in either order', () => {
    const cases: [string, string][] = [
      ['Forwarded the quote to Malgorzata Zielinska on Tuesday.', 'Malgorzata Zielinska'],
      ['Rohan Kapoor fixed the flaky test.', 'Rohan Kapoor'],
      ['Thanks Ewa Nowak for the slides', 'Ewa Nowak'],
      ['cc: Fitzgerald, Orla', 'Fitzgerald, Orla'],
      ['Assignee: Yamamoto, Kenji', 'Yamamoto, Kenji'],
      ['Pinged Olena Kovalenko about the invoice.', 'Olena Kovalenko'],
      ['The draft is with Séamus Breathnach now.', 'Séamus Breathnach'],
    ];
    for (const [text, name] of cases) {
      const { text: redacted, counts } = redactPii(text);
      expect([text, redacted.includes(name)]).toEqual([text, false]);
      expect(counts.has('name')).toBe(true);
    }
  });

  it('keeps the words around a name and a third word that is not part of it', () => {
    expect(redact('Ewa Nowak Friday said yes')).toBe('[REDACTED_NAME] Friday said yes');
    expect(redact('Thanks Ewa Nowak!')).toBe('Thanks [REDACTED_NAME]!');
  });

  it('leaves places, shops, buildings and things named after people alone', () => {
    const untouched = [
      'We stopped at Fort Augustus on the way north.',
      'The train terminates at San Bernardino.',
      'Lake Geneva was calm this morning.',
      'Meet at the Wellington Arch, not the Wellington Hotel.',
      'The John Lewis sale starts on Friday.',
      'Charles Darwin University is in the Northern Territory.',
      'The Kevin Bacon game links actors through films.',
      'We flew into Kennedy Airport and drove to Newark.',
      'The Harry Potter Museum had a long queue.',
      'Release notes for Version Two are on the wiki.',
    ];
    for (const text of untouched) expect([text, redact(text)]).toEqual([text, text]);
  });
});
