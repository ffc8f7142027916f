// The offline model's direct (tool-free) answers: it does the small things it can do itself —
// arithmetic, word counts, case changes, restating upstream results — instead of a placeholder.
import { findArithmetic } from './arithmetic.js';

export interface DirectAnswerContext {
  upstream?: string | null;
  clarification?: string | null;
}

export function directAnswer(request: string, context: DirectAnswerContext = {}): string {
  const text = request.trim();
  const arithmetic = findArithmetic(text);
  if (arithmetic?.value != null) return `${arithmetic.expression} = ${arithmetic.value}`;
  const quoted = /"([^"]+)"|(?<![A-Za-z])'([^']+)'(?![A-Za-z])/.exec(text);
  const subject = quoted ? (quoted[1] ?? quoted[2]) : null;
  if (/\b(?:count|how many)\b.*\bwords?\b/i.test(text)) {
    const target = subject ?? context.upstream ?? text;
    const count = target.split(/\s+/).filter(Boolean).length;
    return `"${target}" has ${count} word${count === 1 ? '' : 's'}.`;
  }
  if (/\bupper ?case\b/i.test(text) && (subject || context.upstream))
    return (subject ?? context.upstream ?? '').toUpperCase();
  if (/\blower ?case\b/i.test(text) && (subject || context.upstream))
    return (subject ?? context.upstream ?? '').toLowerCase();
  if (/\breverse\b/i.test(text) && subject) return [...subject].reverse().join('');
  if (/\b(?:how many|count(?: the)?)\s+(?:characters|letters|chars)\b/i.test(text) && subject) {
    return `"${subject}" has ${[...subject].length} characters.`;
  }
  if (/\bsort\b/i.test(text) && subject) {
    const items = subject.split(/\s*,\s*|\s+/).filter(Boolean);
    return items.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join(', ');
  }
  if (/\b(?:summari[sz]e|tl;?dr)\b/i.test(text) && (subject || context.upstream)) {
    const source = subject ?? context.upstream ?? '';
    return source.split(/(?<=[.!?])\s/)[0] ?? source;
  }
  if (/^(?:hi|hello|hey|good (?:morning|afternoon|evening))\b/i.test(text)) {
    return 'Hello! I am the riptide offline model. Ask me to compute, count words, save notes or search your notes.';
  }
  const parts = [`Here is my answer to "${text}"`];
  if (context.clarification) parts.push(`taking into account: ${context.clarification}`);
  if (context.upstream) parts.push(`building on the earlier results: ${context.upstream}`);
  return `${parts.join(', ')}.`;
}
