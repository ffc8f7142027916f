// Picks the offered tool that fits a subtask and extracts its arguments from the subtask text, guided
// by the tool's JSON Schema. Known intents (arithmetic, notes, word counts, uppercase, search) map to
// the usual tools; anything else falls back to word overlap with the tool's name and description.
import { ASK_HUMAN_TOOL, HANDOFF_TOOL } from '../../prompts/contract.js';
import { findArithmetic } from './arithmetic.js';
import { generateJsonInstance } from './json-instance-generator.js';
import type { OfferedTool } from './prompt-view.js';

export interface ToolChoice {
  toolName: string;
  input: Record<string, unknown>;
}

interface Intent {
  /** Does the subtask express this intent? */
  matches: (subtask: string) => boolean;
  /** Does an offered tool serve it? */
  serves: (tool: OfferedTool) => boolean;
}

const INTENTS: Intent[] = [
  {
    matches: (s) => /\b(?:count|how many)\b.*\bwords?\b|\bword count\b/i.test(s),
    serves: (t) => t.name === 'word_count' || /word.?count/i.test(t.name),
  },
  {
    matches: (s) => /\b(?:upper ?case|capitali[sz]e|all caps)\b/i.test(s),
    serves: (t) => t.name === 'uppercase' || /upper/i.test(t.name),
  },
  {
    matches: (s) => /\b(?:save|note|record|write)\b/i.test(s),
    serves: (t) => t.name === 'write_note' || /^(?:write|save)_?note/i.test(t.name),
  },
  {
    matches: (s) => findArithmetic(s) !== null || /\b(?:calculate|compute|arithmetic)\b/i.test(s),
    serves: (t) => t.name === 'calculator' || /calc|math|arithmetic|expression/i.test(`${t.name} ${t.description}`),
  },
  {
    matches: (s) => /\b(?:search|look up|lookup|research|find)\b/i.test(s),
    serves: (t) => t.name === 'kb_search' || /search/i.test(t.name),
  },
];

const STOPWORDS = new Set(
  'a an the and or of to in on for with by at from is are be it this that these those what which who how please me my your its as into about then'.split(
    ' ',
  ),
);
/** "save a note about it": the subject is the upstream result, not the word "it". */
const PRONOUN = /^(?:it|this|that|them|these|those|the (?:results?|answers?|outputs?|values?))$/i;
const CONTROL_TOOLS = new Set([ASK_HUMAN_TOOL, HANDOFF_TOOL]);

/** The best-fitting tool for a subtask with extracted arguments, or null when no tool fits. */
export function chooseTool(
  subtask: string,
  tools: OfferedTool[],
  context: { upstream?: string | null; exclude?: string[] } = {},
): ToolChoice | null {
  const candidates = tools.filter((tool) => !CONTROL_TOOLS.has(tool.name) && !context.exclude?.includes(tool.name));
  for (const intent of INTENTS) {
    if (!intent.matches(subtask)) continue;
    const tool = candidates.find(intent.serves);
    if (tool) return { toolName: tool.name, input: extractArguments(tool, subtask, context.upstream ?? null) };
  }
  const words = contentWords(subtask);
  let best: { tool: OfferedTool; score: number } | null = null;
  for (const tool of candidates) {
    const toolWords = new Set(contentWords(`${tool.name.replace(/[_-]/g, ' ')} ${tool.description}`));
    const score = words.filter((word) => toolWords.has(word)).length;
    if (score > 0 && (best === null || score > best.score)) best = { tool, score };
  }
  return best
    ? { toolName: best.tool.name, input: extractArguments(best.tool, subtask, context.upstream ?? null) }
    : null;
}

/** Arguments for a tool from the subtask text: each string property filled by what its name asks for. */
export function extractArguments(
  tool: OfferedTool,
  subtask: string,
  upstream: string | null = null,
): Record<string, unknown> {
  const schema = tool.inputSchema;
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : Object.keys(properties);
  const generated = generateJsonInstance(schema, { numbers: numbersIn(subtask) });
  const base = generated && typeof generated === 'object' && !Array.isArray(generated) ? generated : {};
  const args: Record<string, unknown> = {};
  for (const name of required) args[name] = (base as Record<string, unknown>)[name];
  for (const [name, propertySchema] of Object.entries(properties)) {
    // Optional titles are filled too: a note saved "about water" should be called "water".
    if (!required.includes(name) && !/title|subject/i.test(name)) continue;
    const type = propertySchema.type;
    if (type !== undefined && type !== 'string') continue;
    if (Array.isArray(propertySchema.enum)) continue;
    args[name] = stringArgument(name, tool.name, subtask, upstream);
  }
  return args;
}

function stringArgument(property: string, toolName: string, subtask: string, upstream: string | null): string {
  const quoted = quotedText(subtask);
  if (/expression|expr|formula|equation/i.test(property) || toolName === 'calculator') {
    return findArithmetic(subtask)?.expression ?? stripLeadVerb(subtask);
  }
  if (/query|search|keywords?|^q$/i.test(property)) return quoted ?? searchPhrase(subtask);
  if (/title|name|subject/i.test(property)) return noteTitle(subtask, quoted);
  if (/content|body|note/i.test(property)) return noteContent(subtask, quoted, upstream);
  if (/text|input|string|value/i.test(property)) {
    if (quoted) return quoted;
    if (upstream && /\b(?:it|result|that|previous|above)\b/i.test(subtask)) return upstream;
    return afterKeyword(subtask, /\b(?:words? (?:in|of)|upper ?case|capitali[sz]e|of|in)\s+/i) ?? subtask;
  }
  // Any other property ("city", "topic"): the quoted text, else the phrase after the last preposition.
  return quoted ?? afterKeyword(subtask, /.*\b(?:in|for|of|about|on|to|from|at)\s+/i) ?? subtask;
}

function noteTitle(subtask: string, quoted: string | null): string {
  const titled = /\btitled\s+("[^"]+"|'[^']+'|\S+)/i.exec(subtask);
  if (titled) return unquote(titled[1]);
  const about = afterKeyword(subtask, /\babout\s+/i);
  const title = about && !PRONOUN.test(about) ? about : (quoted ?? (about ? 'Result' : stripLeadVerb(subtask)));
  return title.length > 60 ? `${title.slice(0, 59).trimEnd()}…` : title;
}

function noteContent(subtask: string, quoted: string | null, upstream: string | null): string {
  const body =
    afterKeyword(subtask, /(?:\bsaying|\bthat|:)\s+/i) ??
    quoted ??
    afterKeyword(subtask, /\babout\s+/i) ??
    stripLeadVerb(subtask);
  if (!upstream) return body;
  return PRONOUN.test(body) ? upstream : `${body}\n\n${upstream}`;
}

function searchPhrase(subtask: string): string {
  return (
    afterKeyword(
      subtask,
      /\b(?:search(?: the (?:kb|knowledge base|notes))?(?: for)?|look up|lookup|research|find)\s+/i,
    ) ?? subtask
  );
}

function afterKeyword(text: string, pattern: RegExp): string | null {
  const match = pattern.exec(text);
  if (!match) return null;
  const rest = text
    .slice(match.index + match[0].length)
    .trim()
    .replace(/[.?!]+$/, '');
  return rest === '' ? null : unquote(rest);
}

function quotedText(text: string): string | null {
  const match = /"([^"]+)"|(?<![A-Za-z])'([^']+)'(?![A-Za-z])|“([^”]+)”/.exec(text);
  return match ? (match[1] ?? match[2] ?? match[3]) : null;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  const match = /^["'“](.*)["'”]$/.exec(trimmed);
  return match ? match[1] : trimmed;
}

function stripLeadVerb(text: string): string {
  return text
    .replace(/^(?:please\s+)?(?:compute|calculate|evaluate|what is|what's|save|write|record|note)\s+(?:that\s+)?/i, '')
    .trim();
}

export function numbersIn(text: string): number[] {
  return [...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((match) => Number(match[0]));
}

function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 2 && !STOPWORDS.has(word));
}
