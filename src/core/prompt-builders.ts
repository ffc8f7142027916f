// Prompt builders, one per model-call purpose, writing exactly the sections the prompt contract
// (src/prompts/contract.ts) fixes — so any model, the offline one included, reads the same format.
import { renderResultEntries, renderSections } from '../prompts/sections.js';
import type { Role } from '../roles/role.js';

export interface BuiltPrompt {
  system: string;
  user: string;
}

interface Entry {
  subtask: string;
  role: string;
  output: string;
}

const bullets = (lines: readonly string[]) => lines.map((line) => `- ${line}`).join('\n');

export function buildPlanPrompt(input: { task: string; lessons: string[]; conversation: string }): BuiltPrompt {
  return {
    system:
      'You are the planner of a multi-agent system. Split the task into the fewest self-contained subtasks. ' +
      'Answer only with JSON: {"subtasks":[{"subtask":"…","depends_on":[<indexes of subtasks whose outputs it needs>]}]}.',
    user: renderSections({ task: input.task, lessons: bullets(input.lessons), conversation: input.conversation }),
  };
}

export function buildComposePrompt(input: {
  task: string;
  roles: Role[];
  lessons: string[];
  conversation: string;
}): BuiltPrompt {
  return {
    system:
      'You are the composer of a multi-agent system. Decompose the task into subtasks, give each a role from the ' +
      'available roles and the ids of the subtasks it depends on. Answer only with JSON: ' +
      '{"subtasks":[{"id":"s1","subtask":"…","role":"…","depends_on":["…"]}]}.',
    user: renderSections({
      task: input.task,
      roles: input.roles.map((role) => `- ${role.name}: ${role.description}`).join('\n'),
      lessons: bullets(input.lessons),
      conversation: input.conversation,
    }),
  };
}

export function buildWorkerPrompt(input: {
  task: string;
  subtask: string;
  role: Role;
  upstream: Entry[];
  lessons: string[];
  clarification?: string | null;
  /** Earlier turns: a follow-up ("what did I say?", "now add 1 to that") is answered from them. */
  conversation?: string;
}): BuiltPrompt {
  const lessons = input.lessons.length > 0 ? `\n\nLessons from earlier runs:\n${bullets(input.lessons)}` : '';
  return {
    system: `${input.role.system_prompt}${lessons}`,
    user: renderSections({
      task: input.task,
      subtask: input.subtask,
      role: `${input.role.name}: ${input.role.description}`,
      upstream: input.upstream.length > 0 ? renderResultEntries(input.upstream) : null,
      lessons: bullets(input.lessons),
      clarification: input.clarification ?? null,
      conversation: input.conversation || null,
    }),
  };
}

export function buildVotePrompt(input: { task: string; subtask: string; role: Role; upstream: Entry[] }): BuiltPrompt {
  return {
    system: `${input.role.system_prompt}\n\nAnswer the subtask directly and briefly.`,
    user: renderSections({
      task: input.task,
      subtask: input.subtask,
      role: `${input.role.name}: ${input.role.description}`,
      upstream: input.upstream.length > 0 ? renderResultEntries(input.upstream) : null,
    }),
  };
}

export function buildCriticPrompt(input: { task: string; subtask: string; result: string }): BuiltPrompt {
  return {
    system:
      'You are a strict critic. Decide whether the result accomplishes the subtask. ' +
      'Answer only with JSON: {"verdict":"pass"|"fail","reason":"…"}.',
    user: renderSections({ task: input.task, subtask: input.subtask, result: input.result }),
  };
}

export function buildSupervisorPrompt(input: {
  task: string;
  failed: { subtask: string; reason: string }[];
  roles: Role[];
}): BuiltPrompt {
  return {
    system:
      'You are the supervisor. For each failed subtask propose a corrective subtask. ' +
      'Answer only with JSON: {"subtasks":[{"subtask":"…","role":"…"}]}.',
    user: renderSections({
      task: input.task,
      failed: input.failed.map((entry) => `- ${entry.subtask} :: ${entry.reason}`).join('\n'),
      roles: input.roles.map((role) => `- ${role.name}: ${role.description}`).join('\n'),
    }),
  };
}

export function buildFinalizePrompt(input: { task: string; results: Entry[]; conversation: string }): BuiltPrompt {
  return {
    system: 'You write the final answer to the task from the subtask results. Be concise and direct.',
    user: renderSections({
      task: input.task,
      results: input.results.length > 0 ? renderResultEntries(input.results) : null,
      conversation: input.conversation,
    }),
  };
}

export function buildStructuredPrompt(input: {
  task: string;
  answer: string;
  schema: Record<string, unknown>;
  errors?: string[];
}): BuiltPrompt {
  return {
    system: 'Answer only with one JSON object valid against the schema.',
    user: renderSections({
      task: input.task,
      answer: input.answer,
      schema: JSON.stringify(input.schema, null, 2),
      errors: input.errors && input.errors.length > 0 ? bullets(input.errors) : null,
    }),
  };
}

export function buildReflectPrompt(input: { task: string; answer: string; outcome: string }): BuiltPrompt {
  return {
    system:
      'Distill one reusable lesson from this run for similar future tasks. ' +
      'Answer only with JSON: {"lesson":"…","tags":["…"]}.',
    user: renderSections({ task: input.task, answer: input.answer, outcome: input.outcome }),
  };
}
