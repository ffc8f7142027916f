// The prompt wire format shared by the graph (which writes prompts) and the offline model (which
// reads them). A prompt is a sequence of `## <Section>` blocks; the section names per purpose are
// fixed in PROMPT_SECTIONS so both sides agree without matching on free wording.

export const PROMPT_SECTIONS = {
  task: 'Task',
  subtask: 'Subtask',
  role: 'Role',
  roles: 'Available roles',
  lessons: 'Lessons',
  conversation: 'Conversation',
  upstream: 'Upstream results',
  clarification: 'Clarification',
  results: 'Results',
  result: 'Result',
  failed: 'Failed',
  answer: 'Answer',
  schema: 'Schema',
  errors: 'Errors',
  outcome: 'Outcome',
  source: 'Source',
  content: 'Content',
} as const;

export type SectionKey = keyof typeof PROMPT_SECTIONS;

/** Renders sections in the given order; empty or missing values are left out. */
export function renderSections(sections: Partial<Record<SectionKey, string | null | undefined>>): string {
  const blocks: string[] = [];
  for (const [key, value] of Object.entries(sections) as [SectionKey, string | null | undefined][]) {
    if (value === undefined || value === null || value.trim() === '') continue;
    blocks.push(`## ${PROMPT_SECTIONS[key]}\n${value.trim()}`);
  }
  return blocks.join('\n\n');
}

/** Reads one section's body from a prompt, or null when the prompt has no such section. */
export function readSection(prompt: string, key: SectionKey): string | null {
  const heading = `## ${PROMPT_SECTIONS[key]}\n`;
  const start = prompt.startsWith(heading) ? 0 : prompt.indexOf(`\n${heading}`);
  if (start < 0) return null;
  const bodyStart = start === 0 ? heading.length : start + 1 + heading.length;
  const next = prompt.indexOf('\n## ', bodyStart);
  return prompt.slice(bodyStart, next < 0 ? undefined : next).trim();
}

/**
 * One numbered entry of a Results / Upstream results section, so the offline model (and people
 * reading a trace) can tell entries apart: `### 1. <subtask> [role]` followed by the output.
 */
export function renderResultEntries(entries: { subtask: string; role: string; output: string }[]): string {
  return entries
    .map((entry, index) => `### ${index + 1}. ${entry.subtask} [${entry.role}]\n${entry.output.trim()}`)
    .join('\n\n');
}

export function readResultEntries(body: string): { subtask: string; role: string; output: string }[] {
  const entries: { subtask: string; role: string; output: string }[] = [];
  const pattern = /^### \d+\. (.*) \[([^\]]*)\]\n([\s\S]*?)(?=^### \d+\. |(?![\s\S]))/gm;
  for (const match of body.matchAll(pattern)) {
    entries.push({ subtask: match[1].trim(), role: match[2].trim(), output: match[3].trim() });
  }
  return entries;
}
