// Keyword routing of a subtask to one of the roles listed in a prompt's "Available roles" section,
// for the offline composer and supervisor.

const ROLE_KEYWORDS: { role: string; pattern: RegExp }[] = [
  { role: 'analyst', pattern: /\b(?:calc\w*|comput\w*|analy\w*|\d+\s*[-+*/^]\s*\d+|math|sum|average|statistic\w*)\b/i },
  { role: 'scribe', pattern: /\b(?:write|save|note|record|draft|document)\w*\b/i },
  { role: 'researcher', pattern: /\b(?:search|research|find|look up|lookup)\w*\b/i },
  { role: 'coder', pattern: /\b(?:code|function|bug|program|script|debug)\w*\b/i },
];

/** Role names from an "Available roles" body: one per line, "- name: description" or "name — …". */
export function readRoleNames(body: string | null): string[] {
  if (!body) return [];
  const names: string[] = [];
  for (const line of body.split('\n')) {
    const match = /^\s*(?:[-*•]\s*)?`?([A-Za-z][\w-]*)`?/.exec(line);
    if (match) names.push(match[1]);
  }
  return names;
}

/** The listed role whose keywords the subtask hits first; generalist (or the first listed) otherwise. */
export function pickRole(subtask: string, available: string[]): string {
  const listed = new Set(available.map((name) => name.toLowerCase()));
  for (const { role, pattern } of ROLE_KEYWORDS) {
    if (pattern.test(subtask) && (listed.size === 0 || listed.has(role))) return role;
  }
  if (listed.size === 0 || listed.has('generalist')) return 'generalist';
  return available[0];
}
