// Turns a request into the text the tool index is queried with. Symbols carry intent that words
// do not: "17 * 23" has no word in common with "calculator", "10.0.0.0/8" is an address, not a
// division, and "0 9 * * 1-5" is a schedule, so each gets named explicitly.
const ARITHMETIC = /(\d|\))\s*(\*\*|[-+*/^%×÷])\s*(\d|\(|[a-z]+\()/i;
const FUNCTION_CALL = /\b(sqrt|sin|cos|tan|log|exp|abs|pow)\s*\(/i;
const POWER = /\b\d+(\.\d+)?\s+(to the|raised to)\b/i;
const IP_ADDRESS = /\b\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?\b/;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const CRON = /(^|["'\s])([\d*/,-]+\s+){4}[\d*/,-]+(?=["'\s?.]|$)/;
const VERSION = /\bv?\d+\.\d+\.\d+(-[0-9a-z.]+)?(\+[0-9a-z.]+)?\b/i;
const COORDINATES = /-?\d{1,3}\.\d+\s*[,;]\s*-?\d{1,3}\.\d+/;
const HEX_COLOUR = /(^|[\s"'(])#[0-9a-f]{3}([0-9a-f]{3})?\b/i;
const DICE = /\b\d*d(4|6|8|10|12|20|100)\b/i;
const PERCENT = /\d\s*%/;

export function expandToolQuery(text: string): string {
  if (IP_ADDRESS.test(text)) return `${text} ip address`;
  if (CRON.test(text)) return `${text} cron schedule`;
  const hints: string[] = [];
  if (VERSION.test(text)) hints.push('version');
  else if (COORDINATES.test(text)) hints.push('coordinates latitude longitude');
  else if (!DATE.test(text) && (ARITHMETIC.test(text) || FUNCTION_CALL.test(text) || POWER.test(text)))
    hints.push('calculate arithmetic math expression');
  if (HEX_COLOUR.test(text)) hints.push('hex colour');
  if (DICE.test(text)) hints.push('roll dice');
  if (PERCENT.test(text)) hints.push('percent');
  return hints.length === 0 ? text : `${text} ${hints.join(' ')}`;
}
