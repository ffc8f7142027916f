// The offline model's text and verdict replies: critic, finalize, reflect, vote and chat. Each reads
// the sections of src/prompts/contract.ts and answers from their content, never a placeholder.
import type { ReflectOutput, VerdictOutput } from '../../prompts/contract.js';
import { readResultEntries, readSection } from '../../prompts/sections.js';
import { findArithmetic } from './arithmetic.js';
import { RECALL_QUESTION } from './conversation-reference.js';
import { directAnswer } from './direct-answer.js';

const FAILURE_WORDS = /\b(?:error|errors|failed|failure|fails|denied|could not|couldn't|unable|exception)\b/i;

export function criticReply(sectionText: string): VerdictOutput {
  const result = (readSection(sectionText, 'result') ?? '').trim();
  if (result === '') return { verdict: 'fail', reason: 'The result is empty.' };
  const failure = FAILURE_WORDS.exec(result);
  if (failure) return { verdict: 'fail', reason: `The result reports a problem ("${failure[0]}").` };
  return { verdict: 'pass', reason: 'The result is a concrete answer to the subtask.' };
}

export function finalizeReply(sectionText: string): string {
  const body = readSection(sectionText, 'results') ?? '';
  const entries = readResultEntries(body);
  if (entries.length === 1) return entries[0].output;
  if (entries.length === 0) {
    const task = readSection(sectionText, 'task') ?? sectionText;
    return body !== '' ? body : directAnswer(task);
  }
  const lines = entries.map((entry, index) => `${index + 1}. ${entry.subtask}: ${entry.output}`);
  return `Here are the results:\n${lines.join('\n')}`;
}

export function reflectReply(sectionText: string, toolNames: string[]): ReflectOutput {
  const task = readSection(sectionText, 'task') ?? sectionText;
  const outcome = (readSection(sectionText, 'outcome') ?? 'success').trim();
  const answer = readSection(sectionText, 'answer') ?? '';
  const arithmetic = findArithmetic(task);
  const used = toolNames.length > 0 ? toolNames : toolsMentioned(`${task}\n${answer}`);
  let lesson: string;
  if (arithmetic) {
    lesson = `For arithmetic like '${arithmetic.expression}', use the calculator tool and report the exact result.`;
  } else if (used.length > 0) {
    lesson = `For tasks like "${shorten(task)}", use the ${used.join(' and ')} tool${used.length > 1 ? 's' : ''} and report what ${used.length > 1 ? 'they return' : 'it returns'}.`;
  } else {
    lesson = `For tasks like "${shorten(task)}", answer directly and concretely.`;
  }
  if (outcome.toLowerCase().startsWith('failure')) {
    lesson += ` Last time this failed (${outcome.replace(/^failure:?\s*/i, '') || 'no detail'}); check the inputs first.`;
  }
  return { lesson, tags: tagsFor(task, used) };
}

/** One self-consistency sample: the same direct answer for the same input and sample index. */
export function voteReply(sectionText: string): string {
  const subtask = readSection(sectionText, 'subtask') ?? readSection(sectionText, 'task') ?? sectionText;
  const upstream = readSection(sectionText, 'upstream');
  const entries = upstream ? readResultEntries(upstream) : [];
  return directAnswer(subtask, {
    upstream: entries.length > 0 ? entries.map((entry) => entry.output).join('\n') : upstream,
  });
}

/** A chat turn: arithmetic answered, "what did I say" answered from the previous user message. */
export function chatReply(userMessages: string[]): string {
  const last = (userMessages[userMessages.length - 1] ?? '').trim();
  const previous = userMessages.length > 1 ? userMessages[userMessages.length - 2].trim() : null;
  if (RECALL_QUESTION.test(last)) {
    return previous
      ? `Before this you said: "${previous}".`
      : 'This is the first message of our conversation, so there is nothing earlier to refer to.';
  }
  if (last === '') return 'Hello! Ask me anything — for example "what is 21 * 2".';
  return directAnswer(last);
}

function toolsMentioned(text: string): string[] {
  return ['calculator', 'word_count', 'uppercase', 'write_note', 'read_note', 'kb_search'].filter((name) =>
    text.includes(name),
  );
}

function tagsFor(task: string, tools: string[]): string[] {
  const stop = new Set(['the', 'and', 'then', 'what', 'with', 'about', 'from', 'that', 'this', 'into', 'please']);
  const words = task
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length > 3 && !stop.has(word));
  const tags = [...new Set([...tools, ...(findArithmetic(task) ? ['arithmetic'] : []), ...words])];
  return tags.slice(0, 6);
}

function shorten(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > 80 ? `${single.slice(0, 79)}…` : single;
}
