// Keyword routing from a subtask to a role name: an explicitly named role wins, then the core
// routes (numbers → analyst, saving → scribe, code → coder, looking things up → researcher).

const ROUTES: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /\b(calc\w*|comput\w*|analy[sz]\w*|count\w*|sum|total|average|mean|median|percent\w*|arithmetic|statistics?)\b|\d\s*[-+*/^×÷]\s*\d/i,
    'analyst',
  ],
  [/\b(save|saves|saving|saved|note|notes|record|records|recording|jot|remember|store|log it)\b/i, 'scribe'],
  [/\b(code|coding|function|functions|bug|bugs|debug\w*|refactor\w*|script|program\w*|compile\w*)\b/i, 'coder'],
  [/\b(write|writes|writing|draft|document)\b/i, 'scribe'],
  [
    /\b(search\w*|research\w*|find|finds|look\s+up|lookup|investigat\w*|sources?|who is|what is known)\b/i,
    'researcher',
  ],
];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds the router for a catalog's role names (patterns compiled once, not per subtask).
 * Multi-word names (security_auditor) route when mentioned anywhere ("security auditor");
 * one-word names only when asked for as a role ("as the editor", "editor role"). The router
 * returns a role name, or null for the generalist.
 */
export function createRoleRouter(roleNames: readonly string[]): (subtask: string) => string | null {
  const named = [...roleNames]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((name) => {
      const words = escapeRegex(name).replace(/_/g, '[ _-]');
      const pattern = name.includes('_')
        ? new RegExp(`\\b${words}s?\\b`, 'i')
        : new RegExp(`\\b(as an?|as the|ask the|hand (it )?to the)\\s+${words}\\b|\\b${words} role\\b`, 'i');
      return [pattern, name] as const;
    });
  // The union of every name's pattern: most subtasks name no role, and one scan of the union is
  // ~10× cheaper than testing a catalog's hundred-odd patterns one by one (the order of the loop
  // below, longest name first, still decides between names when the union matches).
  const anyNamed =
    named.length > 0 ? new RegExp(named.map(([pattern]) => `(?:${pattern.source})`).join('|'), 'i') : null;
  return (subtask) => {
    if (anyNamed?.test(subtask)) for (const [pattern, name] of named) if (pattern.test(subtask)) return name;
    for (const [pattern, role] of ROUTES) if (pattern.test(subtask)) return role;
    return null;
  };
}
