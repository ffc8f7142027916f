// Personal names that nothing introduces ("Sent it to Priya Raman yesterday", "cc: O'Brien, Siobhan"):
// a capitalised word pair is a name when its words are in the given-name and surname lists of
// person-names.json.gz (built from @faker-js/faker's person data by scripts/build-person-names.ts), in
// either order ("Surname, Given" with a comma). Words that are also places, months or English words
// ("Grace", "Victoria") count only beside a listed partner that is not ambiguous itself, and a pair
// that names a place or a building ("Fort William", "Grace Hopper Hall") is left alone.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { type PiiDetector, placeholder } from './pii-detector.js';

interface PersonNames {
  given: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  /** Names that may be either (humannames, less English words). */
  other: ReadonlySet<string>;
  ambiguous: ReadonlySet<string>;
}

let names: PersonNames | undefined;
/** Read once (0.6 MB gzipped, tens of ms): the lists are immutable data, and defaultPiiDetectors() runs per redaction. */
function personNames(): PersonNames {
  if (!names) {
    const file = JSON.parse(
      gunzipSync(readFileSync(new URL('./person-names.json.gz', import.meta.url))).toString('utf8'),
    ) as Record<'given' | 'surnames' | 'other' | 'ambiguous', string>;
    const set = (list: string) => new Set(list.split('\n'));
    names = {
      given: set(file.given),
      surnames: set(file.surnames),
      other: set(file.other),
      ambiguous: set(file.ambiguous),
    };
  }
  return names;
}

/** A capitalised word, with apostrophes and hyphens ("O'Brien", "Mei-Ling", "McAllister"). */
const WORD = "\\p{Lu}[\\p{Ll}'’]*(?:\\p{Lu}[\\p{Ll}'’]+)?\\p{Ll}(?:-\\p{Lu}?\\p{Ll}+)?";
/** Words before a pair that make it a place ("Fort William", "San Diego", "Lake Victoria"). */
const PLACE_BEFORE =
  /(?:^|[^\p{L}])(?:the|fort|mount|mt\.?|saint|st\.?|san|santa|santo|são|lake|port|cape|gare|rue|via|calle|avenida|hotel|café|cafe|restaurant|club|team|operation|project|hurricane|storm|prix)\s+$/iu;
/** Words after a pair that make it a place, building or thing ("… Bridge", "… Hall", "… Award"). */
const THING_AFTER =
  /^\s+(?:hall|bridge|street|st\.?|road|rd\.?|avenue|ave\.?|lane|way|drive|square|park|falls|river|lake|mountain|mountains|island|islands|bay|beach|airport|station|stadium|arena|centre|center|building|tower|house|college|university|school|institute|hospital|clinic|museum|library|gallery|theatre|theater|foundation|award|prize|medal|trophy|memorial|high|county|city|valley|national|international|street|group|inc|ltd|llc|gmbh|&|company|and\s+sons|syndrome|disease|effect|law|method|test|scale|equation)\b/iu;

/** Capitalised words that follow a given name without being a surname ("Maria Said", "Tom Says"). */
const COMMON_CAPITALISED =
  /^(?:Said|Says|Says|Wrote|Writes|And|Or|But|The|Is|Was|Has|Had|Will|Would|Can|Could|Should|Team|Group|Support|Service|Services|Inc|Ltd|Day|Week|Month|Year|Edition|Version|Pro|Max|Mini|Plus|Ultra|Series|Model|Street|Road|Avenue)$/u;

const PAIR = new RegExp(
  `(?<![\\p{L}\\p{N}_\\]])(${WORD})(,)?(\\s+)(${WORD})(?:(\\s+)(${WORD}))?(?![\\p{L}\\p{N}])`,
  'gu',
);

/** "Sinéad" → "Sinead": humannames is written without accents. */
const folded = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

function listed(word: string, set: ReadonlySet<string>): boolean {
  const plain = folded(word);
  return set.has(word) || set.has(plain) || plain.split('-').every((part) => set.has(part));
}

/** Whether the words around a capitalised pair make it a place, a shop or a thing named after a person. */
export function namesAPlace(before: string, pair: string, after: string): boolean {
  return (
    PLACE_BEFORE.test(before) ||
    THING_AFTER.test(after) ||
    pair.split(/\s+/).some((word) => THING_AFTER.test(` ${word}`))
  );
}

/** Whether `first second` reads as given name + surname. */
function givenThenSurname(first: string, second: string, lists: PersonNames): boolean {
  const surname = listed(second, lists.surnames) || listed(second, lists.other);
  if (listed(first, lists.given)) {
    if (surname) return true;
    // A surname no list has, after an unambiguous given name: any capitalised word that is not a
    // given name, an ambiguous word or an all-purpose word ("Melnyk"; not "Lukas Said").
    return !lists.ambiguous.has(second) && !listed(second, lists.given) && !COMMON_CAPITALISED.test(second);
  }
  // A name word of either kind, then a surname or an unambiguous given name ("Aoife Brennan").
  if (listed(first, lists.other)) return surname || (listed(second, lists.given) && !lists.ambiguous.has(second));
  return lists.ambiguous.has(first) && surname && !lists.ambiguous.has(second);
}

export function nameListDetector(): PiiDetector {
  return {
    kind: 'name',
    noun: ['personal name', 'personal names'],
    pattern: PAIR,
    replace: (match) => {
      const [whole, first, comma, gap, second, lastGap, third] = match;
      const lists = personNames();
      const at = match.index ?? 0;
      const input = match.input ?? '';
      const before = input.slice(Math.max(0, at - 24), at);
      const after = input.slice(at + whole.length, at + whole.length + 24);
      const name = placeholder('name');
      const tail = third ? `${lastGap}${third}` : '';
      if (comma) {
        // "O'Brien, Siobhan": a surname, a comma and a given name that ends the name.
        const surname =
          listed(first, lists.surnames) || listed(first, lists.other) || /^(?:O['’]|Mc|Mac)\p{Lu}/u.test(first);
        const givenName = listed(second, lists.given) || listed(second, lists.other);
        if (third || !surname || !givenName || lists.ambiguous.has(second)) return null;
        return PLACE_BEFORE.test(before) ? null : name;
      }
      // "Fort William", "Santa Clara", "The John Lewis store", "Grace Hopper Hall".
      if (namesAPlace(before, whole, after) || PLACE_BEFORE.test(` ${first} `)) return null;
      if (givenThenSurname(first, second, lists) && !(lists.ambiguous.has(first) && lists.ambiguous.has(second))) {
        const thirdInName = third && (listed(third, lists.surnames) || listed(third, lists.other));
        return thirdInName ? name : `${name}${tail}`;
      }
      // The pair may start one word later ("Thanks Lukas Brenner", "Anna Maria Schmidt").
      if (
        !third ||
        !givenThenSurname(second, third, lists) ||
        (lists.ambiguous.has(second) && lists.ambiguous.has(third))
      )
        return null;
      return listed(first, lists.given) && !lists.ambiguous.has(first) ? name : `${first}${gap}${name}`;
    },
  };
}
