// Turns a request into the text the tool index is queried with. Symbols carry intent that words
// do not: "17 * 23" has no word in common with "calculator", and "10.0.0.0/8" is an address, not
// a division, so both get named explicitly.
const ARITHMETIC = /(\d|\))\s*(\*\*|[-+*/^%×÷])\s*(\d|\(|[a-z]+\()/i;
const FUNCTION_CALL = /\b(sqrt|sin|cos|tan|log|exp|abs|pow)\s*\(/i;
const IP_ADDRESS = /\b\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?\b/;
const DATE = /\b\d{4}-\d{2}-\d{2}\b/;

export function expandToolQuery(text: string): string {
  if (IP_ADDRESS.test(text)) return `${text} ip address`;
  if (DATE.test(text)) return text;
  if (ARITHMETIC.test(text) || FUNCTION_CALL.test(text)) return `${text} calculate arithmetic math expression`;
  return text;
}
