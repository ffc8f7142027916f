// What every match of a regular expression must contain, read from its syntax tree (parsed with
// @eslint-community/regexpp): a minimum length, a minimum number of ASCII digits and of uppercase
// letters, and a few lowercase literals of which one must occur. A text that falls short of any of
// these cannot match, so the regex need not run on it. Every rule below only ever under-states what a
// match needs (unknown syntax counts as "needs nothing"), so a requirement can never hide a match.
import { createRequire } from 'node:module';
import type * as Regexpp from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';

// Required on first analysis: with the shipped snapshot (pii-requirement-snapshot.ts) a process
// whose detectors are the defaults never loads the parser.
let regexpp: typeof Regexpp | undefined;
const parseRegExpLiteral = (pattern: RegExp) => {
  regexpp ??= createRequire(import.meta.url)('@eslint-community/regexpp') as typeof Regexpp;
  return regexpp.parseRegExpLiteral(pattern);
};

export interface RegexRequirement {
  /** UTF-16 code units. */
  minLength: number;
  /** Characters 0–9. */
  digits: number;
  /** Characters matched by \p{Lu}. */
  uppercase: number;
  /** Lowercased literals of which every match contains one (after lowercasing), or null: none known. */
  literals: readonly string[] | null;
}

/** Literal sets are looked for with one alternation; past this size it would cost what a detector does. */
const MAX_LITERALS = 512;
/** Bound on the strings one sub-expression is known to match exactly (`[nN][aA][mM][eE]` → "name"). */
const MAX_EXACT = 64;
/** Small classes are enumerated so case pairs (`[nN]`) join literals. */
const MAX_CLASS_MEMBERS = 8;

interface Flags {
  ignoreCase: boolean;
  unicode: boolean;
}

interface Need {
  minLength: number;
  digits: number;
  uppercase: number;
  literals: Set<string> | null;
  /** Every string the node can match, lowercased; null when unknown or too many. */
  exact: Set<string> | null;
}

const NOTHING: Need = { minLength: 0, digits: 0, uppercase: 0, literals: null, exact: null };
const ONE_CHAR: Need = { minLength: 1, digits: 0, uppercase: 0, literals: null, exact: null };
const UPPERCASE_LETTER = /^\p{Lu}$/u;

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * The lowercase form a character keeps inside any lowercased text, or null when that is not certain:
 * Σ lowercases by context (final sigma), a lone surrogate may belong to a pair that lowercases whole; under `i` a pattern character also matches its case
 * variants, which for non-ASCII characters may lowercase differently (µ and μ), and under `iu`
 * even ASCII letters match non-ASCII ones (s and ſ, k and the Kelvin sign).
 */
function stableLowercase(code: number, flags: Flags): string | null {
  if (code === 0x3a3 || code === 0x3c2 || code === 0x3c3) return null;
  if (code >= 0xd800 && code <= 0xdfff) return null; // half of a pair: the pair may lowercase as one
  const char = String.fromCodePoint(code);
  if (flags.ignoreCase) {
    if (code > 0x7f) return null;
    if (flags.unicode && /[A-Za-z]/.test(char)) return null;
  }
  return char.toLowerCase();
}

function product(left: Set<string>, right: Set<string>): Set<string> | null {
  if (left.size * right.size > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const a of left) for (const b of right) out.add(a + b);
  return out;
}

function shortest(set: Set<string>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const s of set) min = Math.min(min, s.length);
  return min;
}

/** The more selective of two literal sets: longer shortest literal first, then fewer literals. */
function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  const usable = (set: Set<string> | null) => set !== null && set.size <= MAX_LITERALS && shortest(set) > 0;
  if (!usable(b)) return usable(a) ? a : null;
  if (!usable(a)) return b;
  const [la, lb] = [shortest(a as Set<string>), shortest(b as Set<string>)];
  if (la !== lb) return la > lb ? a : b;
  return (a as Set<string>).size <= (b as Set<string>).size ? a : b;
}

function characterNeed(code: number, flags: Flags): Need {
  const lower = stableLowercase(code, flags);
  return {
    minLength: code > 0xffff ? 2 : 1,
    digits: isDigit(code) ? 1 : 0,
    uppercase: !flags.ignoreCase && UPPERCASE_LETTER.test(String.fromCodePoint(code)) ? 1 : 0,
    literals: lower === null ? null : new Set([lower]),
    exact: lower === null ? null : new Set([lower]),
  };
}

const isUppercaseProperty = (set: AST.CharacterSet) =>
  set.kind === 'property' &&
  !set.negate &&
  !set.strings &&
  ((set.key === 'General_Category' && (set.value === 'Lu' || set.value === 'Uppercase_Letter')) ||
    (set.value === null && (set.key === 'Lu' || set.key === 'Uppercase_Letter')));

function characterSetNeed(set: AST.CharacterSet, flags: Flags): Need {
  if (set.kind === 'digit' && !set.negate) return { ...ONE_CHAR, digits: 1 };
  if (!flags.ignoreCase && isUppercaseProperty(set)) return { ...ONE_CHAR, uppercase: 1 };
  if (set.kind === 'property' && set.strings) return NOTHING;
  return ONE_CHAR;
}

function classNeed(node: AST.CharacterClass, flags: Flags): Need {
  if (node.unicodeSets) return NOTHING; // `[\q{}]` can match the empty string
  if (node.negate) return ONE_CHAR;
  let allDigits = true;
  let allUppercase = !flags.ignoreCase;
  let members: Set<string> | null = new Set();
  for (const element of node.elements) {
    if (element.type === 'Character') {
      allDigits &&= isDigit(element.value);
      allUppercase &&= UPPERCASE_LETTER.test(String.fromCodePoint(element.value));
      const lower = stableLowercase(element.value, flags);
      if (lower === null) members = null;
      else members?.add(lower);
    } else if (element.type === 'CharacterClassRange') {
      const [min, max] = [element.min.value, element.max.value];
      allDigits &&= isDigit(min) && isDigit(max);
      allUppercase &&= min >= 0x41 && max <= 0x5a;
      if (members && max - min < MAX_CLASS_MEMBERS) {
        for (let code = min; code <= max && members; code++) {
          const lower = stableLowercase(code, flags);
          if (lower === null) members = null;
          else members.add(lower);
        }
      } else members = null;
    } else {
      allDigits &&= element.kind === 'digit' && !element.negate;
      allUppercase &&= isUppercaseProperty(element);
      members = null;
    }
    if (members && members.size > MAX_CLASS_MEMBERS) members = null;
  }
  const exact = members && members.size > 0 ? members : null;
  return {
    minLength: 1,
    digits: allDigits && node.elements.length > 0 ? 1 : 0,
    uppercase: allUppercase && node.elements.length > 0 ? 1 : 0,
    literals: exact,
    exact,
  };
}

function sequenceNeed(elements: readonly AST.Element[], flags: Flags): Need {
  const need: Need = { minLength: 0, digits: 0, uppercase: 0, literals: null, exact: new Set(['']) };
  // A run of adjacent exactly-known elements spells literals; assertions consume nothing, so they do
  // not break a run.
  let run: Set<string> | null = new Set(['']);
  for (const element of elements) {
    if (element.type === 'Assertion') continue;
    const part = elementNeed(element, flags);
    need.minLength += part.minLength;
    need.digits += part.digits;
    need.uppercase += part.uppercase;
    need.exact = need.exact && part.exact ? product(need.exact, part.exact) : null;
    need.literals = better(need.literals, part.literals);
    if (part.exact) {
      const joined: Set<string> | null = run ? product(run, part.exact) : null;
      run = joined ?? part.exact;
      need.literals = better(need.literals, run);
    } else {
      run = new Set(['']);
    }
  }
  return need;
}

function alternativesNeed(alternatives: readonly AST.Alternative[], flags: Flags): Need {
  const needs = alternatives.map((alternative) => sequenceNeed(alternative.elements, flags));
  const union = (sets: (Set<string> | null)[], limit: number) => {
    const out = new Set<string>();
    for (const set of sets) {
      if (set === null) return null;
      for (const s of set) out.add(s);
      if (out.size > limit) return null;
    }
    return out;
  };
  const literals = union(
    needs.map((need) => need.literals),
    MAX_LITERALS,
  );
  return {
    minLength: Math.min(...needs.map((need) => need.minLength)),
    digits: Math.min(...needs.map((need) => need.digits)),
    uppercase: Math.min(...needs.map((need) => need.uppercase)),
    literals: literals && shortest(literals) > 0 ? literals : null,
    exact: union(
      needs.map((need) => need.exact),
      MAX_EXACT,
    ),
  };
}

function quantifierNeed(node: AST.Quantifier, flags: Flags): Need {
  const inner = elementNeed(node.element, flags);
  let exact: Set<string> | null = null;
  if (inner.exact && node.max <= 4) {
    // {m,n} with a small n: every repetition count from m to n, spelled out (or unknown if too many).
    exact = new Set();
    let power = new Set(['']);
    for (let count = 0; count <= node.max && exact; count++) {
      if (count >= node.min) for (const s of power) exact.add(s);
      const next = count < node.max ? product(power, inner.exact) : power;
      if (next === null || exact.size > MAX_EXACT) exact = null;
      else power = next;
    }
  }
  return {
    minLength: node.min * inner.minLength,
    digits: node.min * inner.digits,
    uppercase: node.min * inner.uppercase,
    literals: node.min >= 1 ? inner.literals : null,
    exact,
  };
}

function elementNeed(node: AST.Element, flags: Flags): Need {
  switch (node.type) {
    case 'Character':
      return characterNeed(node.value, flags);
    case 'CharacterSet':
      return characterSetNeed(node, flags);
    case 'CharacterClass':
      return classNeed(node, flags);
    case 'Quantifier':
      return quantifierNeed(node, flags);
    case 'Group':
      // `(?i:…)` changes the flags inside: not modelled.
      return node.modifiers ? NOTHING : alternativesNeed(node.alternatives, flags);
    case 'CapturingGroup':
      return alternativesNeed(node.alternatives, flags);
    default:
      // Assertions consume nothing; a back-reference may match the empty string; `[a&&b]` is not modelled.
      return NOTHING;
  }
}

export function regexRequirement(pattern: RegExp): RegexRequirement {
  const flags: Flags = { ignoreCase: pattern.ignoreCase, unicode: pattern.unicode || pattern.flags.includes('v') };
  let need: Need;
  try {
    need = alternativesNeed(parseRegExpLiteral(pattern).pattern.alternatives, flags);
  } catch {
    need = NOTHING; // syntax the parser does not know yet: require nothing, run the regex
  }
  return {
    minLength: need.minLength,
    digits: need.digits,
    uppercase: need.uppercase,
    literals: need.literals ? [...need.literals] : null,
  };
}
