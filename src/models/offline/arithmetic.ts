// Finds an arithmetic expression in free text ("what is 21 * 2?", "12 plus 30") and evaluates it with
// mathjs, so the offline model can answer and fill `calculator` arguments without ever using eval.
import { mathjs } from '../../tools/builtin/mathjs-bundle.js';

export interface ArithmeticMatch {
  /** The expression as it appears (words like "plus" turned into operators), e.g. "21 * 2". */
  expression: string;
  /** The evaluated value, formatted (e.g. "42", "3.33333333333"), or null when it did not evaluate. */
  value: string | null;
}

const WORD_OPERATORS: [RegExp, string][] = [
  [/\bdivided by\b/gi, '/'],
  [/\bmultiplied by\b/gi, '*'],
  [/\btimes\b/gi, '*'],
  [/\bplus\b/gi, '+'],
  [/\bminus\b/gi, '-'],
  [/\bover\b/gi, '/'],
  [/\bto the power of\b/gi, '^'],
  [/×/g, '*'],
  [/÷/g, '/'],
  [/(\d)\s*x\s*(?=\d)/gi, '$1 * '],
];

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const OPERATOR = String.raw`(?:\*\*|[-+*/^%])`;
// Numbers joined by at least one operator, optionally parenthesised, optionally a function like sqrt(…).
const EXPRESSION = new RegExp(
  String.raw`(?:\(\s*)*-?${NUMBER}(?:\s*\)*\s*${OPERATOR}\s*(?:\(\s*)*-?${NUMBER}\s*\)*)+|\b(?:sqrt|abs|round|floor|ceil|log)\(\s*${NUMBER}\s*\)`,
  'g',
);

const SAFE_EXPRESSION = /^(?:[\d\s.+\-*/^%()]|sqrt|abs|round|floor|ceil|log)+$/;

/** Replaces number words between numbers with operators ("12 plus 30" → "12 + 30"). */
export function normalizeArithmeticWords(text: string): string {
  let result = text;
  for (const [pattern, replacement] of WORD_OPERATORS) result = result.replace(pattern, replacement);
  return result;
}

/** The first (longest) arithmetic expression in the text, or null. Dates like 2024-01-01 are skipped. */
export function findArithmetic(text: string): ArithmeticMatch | null {
  const normalized = normalizeArithmeticWords(text);
  let best: string | null = null;
  for (const match of normalized.matchAll(EXPRESSION)) {
    const candidate = balanceParentheses(match[0].trim());
    if (/^\d{4}-\d{2}-\d{2}/.test(candidate)) continue;
    if (best === null || candidate.length > best.length) best = candidate;
  }
  if (best === null) return null;
  const expression = best.replace(/\s+/g, ' ');
  return { expression, value: evaluateArithmetic(expression) };
}

/** Evaluates a numbers-and-operators expression; null when it does not give a finite number. */
export function evaluateArithmetic(expression: string): string | null {
  // Only numbers, operators, parentheses and a few math functions ever reach the parser.
  if (!SAFE_EXPRESSION.test(expression)) return null;
  try {
    // Looked up on use: mathjs builds each function of its default instance the first time it is read.
    const value: unknown = mathjs.evaluate(expression.replace(/\*\*/g, '^'));
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    return mathjs.format(value, { precision: 12 });
  } catch {
    return null;
  }
}

function balanceParentheses(expression: string): string {
  let text = expression;
  while (text.startsWith('(') && countOf(text, '(') > countOf(text, ')')) text = text.slice(1).trim();
  while (text.endsWith(')') && countOf(text, ')') > countOf(text, '(')) text = text.slice(0, -1).trim();
  return text;
}

function countOf(text: string, character: string): number {
  return text.split(character).length - 1;
}
