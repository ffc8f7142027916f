// Follow-ups the offline worker answers from the Conversation section: "what did I say before?" from
// the previous user turn, and "that" / "it" in "now compute that plus 1" resolved to the value of the
// previous answer — so a follow-up is never forced through a tool that does not fit it.

/** "what did I say before?", "what was my previous message?", "repeat what I said earlier". */
export const RECALL_QUESTION =
  /\b(?:what|which|repeat)\b.*\b(?:i|my)\b.*\b(?:say|said|ask|asked|write|wrote|mention(?:ed)?|tell|told|message)\b|\b(?:previous|earlier|last) (?:message|question|turn)\b/i;

const REFERENCE = /\b(?:that|it|this|the (?:result|answer))\b/i;
/** Only arithmetic follow-ups take the previous value ("save a note about it" means the upstream result). */
const ARITHMETIC_WORDS = /\b(?:plus|minus|times|divided|add|subtract|multiply|compute|calculate)\b|[+*/]/i;

function turns(conversation: string, speaker: 'User' | 'Assistant'): string[] {
  const prefix = `${speaker}: `;
  return conversation
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.slice(prefix.length).trim());
}

/** The answer to a recall question from the conversation, or null when the text is not one. */
export function recallAnswer(text: string, conversation: string): string | null {
  if (!RECALL_QUESTION.test(text)) return null;
  const said = turns(conversation, 'User').at(-1);
  return said
    ? `Before this you said: "${said}".`
    : 'This is the first message of our conversation, so there is nothing earlier to refer to.';
}

/** The text with "that"/"it" replaced by the last number of the previous answer, when it has one. */
export function resolveReference(text: string, conversation: string): string {
  if (!REFERENCE.test(text) || !ARITHMETIC_WORDS.test(text)) return text;
  const answer = turns(conversation, 'Assistant').at(-1) ?? '';
  const value = answer.match(/-?\d+(?:\.\d+)?/g)?.at(-1);
  if (!value) return text;
  return text.replace(REFERENCE, value).replace(/^\s*(?:now|then|and|ok(?:ay)?)[\s,]+/i, '');
}
