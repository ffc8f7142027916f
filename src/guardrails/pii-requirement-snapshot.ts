// The default PII detectors' pattern requirements, computed at build time (scripts/build-pii-requirements.js)
// and shipped next to the compiled code: parsing ~17 KB of patterns costs ~70 ms of CPU cold, which
// would land on a process's first guarded text. Entries are keyed by the pattern's exact source and
// flags, and a requirement is a function of the pattern alone, so a hit is what the analysis would
// give; a pattern not in the file (a custom detector, a source checkout) is analysed on first use.
import fs from 'node:fs';
import type { RegexRequirement } from './regex-requirements.js';

export const PII_REQUIREMENTS_FILE = new URL('./pii-requirements.json', import.meta.url);

export const patternKey = (pattern: RegExp) => `/${pattern.source}/${pattern.flags}`;

export function encodeRequirementSnapshot(entries: readonly [RegExp, RegexRequirement][]): string {
  return JSON.stringify(
    Object.fromEntries(entries.map(([pattern, requirement]) => [patternKey(pattern), requirement])),
  );
}

export function decodeRequirementSnapshot(text: string): Map<string, RegexRequirement> {
  return new Map(Object.entries(JSON.parse(text) as Record<string, RegexRequirement>));
}

// Read once per process (read-only data shipped with the package); empty when none was built.
let shipped: Map<string, RegexRequirement> | undefined;

export function shippedRequirement(pattern: RegExp): RegexRequirement | undefined {
  shipped ??= fs.existsSync(PII_REQUIREMENTS_FILE)
    ? decodeRequirementSnapshot(fs.readFileSync(PII_REQUIREMENTS_FILE, 'utf8'))
    : new Map();
  return shipped.get(patternKey(pattern));
}
