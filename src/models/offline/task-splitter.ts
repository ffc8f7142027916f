// Splits a task into subtasks on connectives ("and", ",", ";", "then", "after that", "finally") for
// the offline planner. Quoted text and arithmetic are protected; "then"-like connectives make the next
// subtask depend on the previous one.

export interface SplitSubtask {
  subtask: string;
  /** 0-based indexes of subtasks this one needs. */
  depends_on: number[];
}

// Ordered longest first so "and then" wins over "and"; `sequential` marks a dependency on the previous part.
const CONNECTIVES: { pattern: string; sequential: boolean }[] = [
  { pattern: String.raw`[,;.]?\s+and then\s+`, sequential: true },
  { pattern: String.raw`[,;.]?\s+after that,?\s+`, sequential: true },
  { pattern: String.raw`[,;.]?\s+finally,?\s+`, sequential: true },
  { pattern: String.raw`[,;.]?\s+then,?\s+`, sequential: true },
  { pattern: String.raw`;\s*`, sequential: false },
  { pattern: String.raw`,?\s+and\s+`, sequential: false },
  { pattern: String.raw`,\s+`, sequential: false },
  { pattern: String.raw`\.\s+(?=[A-Z])`, sequential: false },
];

const SPLITTER = new RegExp(CONNECTIVES.map((c) => `(${c.pattern})`).join('|'), 'gi');
// Quoted text and parenthesised groups ("max(1, 2)", "(a and b)") are never split.
const QUOTED = /"[^"]*"|(?<![A-Za-z])'[^']*'(?![A-Za-z])|“[^”]*”|`[^`]*`|\([^()]*\)/g;
const LEADING_WORDS = /^(?:first(?:ly)?|and|then|next|also|finally|after that)[,:]?\s+/i;

/** Splits a task; always returns at least one subtask (the whole task when there is no connective). */
export function splitTask(task: string): SplitSubtask[] {
  const text = task.trim().replace(/\s+/g, ' ');
  if (text === '') return [{ subtask: task.trim() || task, depends_on: [] }];
  // Protect quoted text and arithmetic (e.g. "1, 2 and 3" inside quotes) behind placeholders.
  const protectedParts: string[] = [];
  const shielded = text.replace(QUOTED, (quoted) => {
    protectedParts.push(quoted);
    return `\u0000${protectedParts.length - 1}\u0000`;
  });

  const parts: { text: string; sequential: boolean }[] = [];
  let last = 0;
  let pendingSequential = false;
  for (const match of shielded.matchAll(SPLITTER)) {
    const index = match.index ?? 0;
    const groupIndex = match.slice(1).findIndex((group) => group !== undefined);
    parts.push({ text: shielded.slice(last, index), sequential: pendingSequential });
    pendingSequential = CONNECTIVES[groupIndex]?.sequential ?? false;
    last = index + match[0].length;
  }
  parts.push({ text: shielded.slice(last), sequential: pendingSequential });

  // A fragment of one word ("search for cats and dogs") is not a subtask of its own: merge it back.
  const merged: { text: string; sequential: boolean }[] = [];
  for (const part of parts) {
    const cleaned = part.text
      .trim()
      .replace(LEADING_WORDS, '')
      .replace(/[.!?]+$/, '')
      .trim();
    if (cleaned === '') continue;
    const previous = merged[merged.length - 1];
    if (previous && !part.sequential && cleaned.split(' ').length < 2) {
      previous.text = `${previous.text} and ${cleaned}`;
      continue;
    }
    merged.push({ text: cleaned, sequential: part.sequential });
  }
  if (merged.length === 0) return [{ subtask: text, depends_on: [] }];

  const restore = (value: string) =>
    value.replace(/\u0000(\d+)\u0000/g, (_whole, index: string) => protectedParts[Number(index)] ?? '');
  return merged.map((part, index) => ({
    subtask: restore(part.text),
    depends_on: part.sequential && index > 0 ? [index - 1] : [],
  }));
}
