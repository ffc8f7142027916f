// Builds src/guardrails/person-names.json.gz, the given-name and surname lists the PII name detector
// looks words up in, from the person-name data of @faker-js/faker (MIT; 77 locales). Only names in
// Latin script are kept (the detector reads capitalised words), and a name that is also one of
// faker's place names, weekdays, months or common English words ("Grace", "Paris", "May") is moved to
// an `ambiguous` list: the detector needs a surname or a context cue beside it. Deterministic.
// Usage: npx tsx scripts/build-person-names.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { allLocales } from '@faker-js/faker';
import wordListPath from 'word-list';

type Entries = unknown;
const strings = (value: Entries): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
};
/** A capitalised Latin word ("Siobhan", "O'Brien", "McAllister", "Mei-Ling"). */
const LATIN_NAME = /^\p{Lu}[\p{Script=Latin}'’-]*\p{Ll}[\p{Script=Latin}'’-]*$/u;
/** Cyrillic names (ru, uk, be, bg, sr, kk …) are written in Latin letters too: "Оксана Мельник" → "Oksana Melnyk". */
const CYRILLIC: Record<string, string> = Object.fromEntries(
  'а:a б:b в:v г:h ґ:g д:d е:e є:ye ё:yo ж:zh з:z и:y і:i ї:yi й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya'
    .split(' ')
    .map((pair) => pair.split(':')),
);
/** Russian romanisation differs from Ukrainian in two letters; both spellings are kept. */
const RUSSIAN: Record<string, string> = { ...CYRILLIC, г: 'g', и: 'i' };
const romanised = (word: string, table: Record<string, string>) => {
  const latin = [...word.toLowerCase()].map((char) => table[char] ?? char).join('');
  return latin.charAt(0).toUpperCase() + latin.slice(1);
};
const withRomanised = (values: string[]) =>
  values.flatMap((value) =>
    /\p{Script=Cyrillic}/u.test(value) ? [romanised(value, CYRILLIC), romanised(value, RUSSIAN)] : [value],
  );
const words = (values: string[]) =>
  withRomanised(values.flatMap((value) => value.split(/\s+/))).filter(
    (word) => LATIN_NAME.test(word) && word.length >= 3,
  );

const given = new Set<string>();
const surnames = new Set<string>();
const notNames = new Set<string>();
for (const locale of Object.values(allLocales) as Record<string, Record<string, Entries> | undefined>[]) {
  const person = locale.person;
  if (person) {
    for (const word of words(strings(person.first_name))) given.add(word);
    for (const word of words(strings(person.middle_name))) given.add(word);
    for (const word of words(strings(person.last_name))) surnames.add(word);
  }
}
// Words that are not (only) names: English vocabulary, months and weekdays in every locale, and the
// English locale's countries, states and cities.
const english = allLocales.en as unknown as Record<string, Record<string, Entries>>;
const notNameSources: Entries[] = [
  english.word,
  english.location?.country,
  english.location?.state,
  english.location?.city_name,
  english.location?.continent,
  ...Object.values(allLocales).map((locale) => (locale as unknown as Record<string, Entries>).date),
];
for (const source of notNameSources)
  for (const word of strings(source).flatMap((text) => text.split(/[\s,.;:()/-]+/)))
    if (word.length >= 3) notNames.add(word.toLowerCase());
const ambiguous = [...given, ...surnames].filter((name) => notNames.has(name.toLowerCase()));
const ambiguousSet = new Set(ambiguous);
const sorted = (names: Iterable<string>) => [...new Set(names)].filter((name) => !ambiguousSet.has(name)).sort();
// humannames (MIT, ~200 000 first and last names from censuses and social media, not told apart)
// widens the lists to the names faker lacks ("Niamh", "Sato"); it also holds words ("The", "Street"),
// so only entries that are not English words (word-list, MIT) and not already listed are kept, as
// `other`: a name word that may be a given name or a surname.
const humanNames = readFileSync(fileURLToPath(import.meta.resolve('humannames/list.txt')), 'utf8')
  .split(/\r?\n/)
  .filter((word) => LATIN_NAME.test(word) && word.length >= 3);
const englishWords = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
const listedAlready = new Set([...given, ...surnames]);
const other = humanNames.filter(
  (word) => !listedAlready.has(word) && !englishWords.has(word.toLowerCase()) && !notNames.has(word.toLowerCase()),
);
const data = {
  source:
    '@faker-js/faker person data (MIT, all locales, Latin script and romanised Cyrillic) and humannames (MIT) less English words (word-list, MIT); built by scripts/build-person-names.ts',
  // Each list is one newline-separated string: a third smaller than an array and faster to parse.
  given: sorted(given).join('\n'),
  surnames: sorted(surnames).join('\n'),
  other: sorted(other).join('\n'),
  ambiguous: [...ambiguousSet].sort().join('\n'),
};
// Gzipped: 1.9 MB of JSON ships as ~0.6 MB, and gunzip adds a few ms to the one load.
writeFileSync(
  fileURLToPath(new URL('../src/guardrails/person-names.json.gz', import.meta.url)),
  gzipSync(`${JSON.stringify(data)}\n`, { level: 9 }),
);
const count = (list: string) => list.split('\n').length;
console.log(
  `person names: ${count(data.given)} given, ${count(data.surnames)} surnames, ${count(data.other)} other, ${count(data.ambiguous)} ambiguous`,
);
