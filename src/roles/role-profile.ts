// The compact description a role is generated from, and the generator: a focused system prompt and
// a least-privilege tool allow-list derived from the tool categories the role works with.
import type { Role } from './role.js';

export interface RoleProfile {
  name: string;
  category: string;
  /** One line: what this role is good at. Becomes the description and the heart of the prompt. */
  focus: string;
  /** Tool categories the role may use; null means every tool (only the generalist). */
  toolCategories: string[] | null;
  /** Individual tools granted on top of the categories. */
  extraTools?: string[];
  tags?: string[];
  /** A hand-written system prompt, used instead of the generated one. */
  prompt?: string;
}

/** Tool names by tool category, the basis of every allow-list. */
export type ToolNamesByCategory = ReadonlyMap<string, readonly string[]>;

export function toolNamesByCategory(tools: readonly { name: string; category: string }[]): ToolNamesByCategory {
  const byCategory = new Map<string, string[]>();
  for (const tool of tools) {
    const names = byCategory.get(tool.category) ?? [];
    names.push(tool.name);
    byCategory.set(tool.category, names);
  }
  return byCategory;
}

function title(name: string): string {
  return name.replace(/_/g, ' ');
}

export function buildRole(profile: RoleProfile, tools: ToolNamesByCategory): Role {
  const allow =
    profile.toolCategories === null
      ? null
      : [
          ...new Set([
            ...profile.toolCategories.flatMap((category) => tools.get(category) ?? []),
            ...(profile.extraTools ?? []),
          ]),
        ].sort();
  const system_prompt =
    profile.prompt ??
    [
      `You are the ${title(profile.name)} on a riptide agent team (${profile.category}).`,
      `Your focus: ${profile.focus}.`,
      'Work only on the subtask you are given and answer it directly and concisely.',
      'Use a tool whenever it gives a more reliable result than reasoning alone, and base your answer on what it returns.',
      'If the subtask is outside your focus, hand it off to a better-suited role instead of guessing.',
    ].join(' ');
  return {
    name: profile.name,
    description: `${profile.focus.charAt(0).toUpperCase()}${profile.focus.slice(1)}.`,
    category: profile.category,
    system_prompt,
    tools: allow,
    tags: [...new Set([...(profile.tags ?? []), profile.category, ...title(profile.name).split(' ')])],
  };
}
