// The offline model's planning replies: plan and compose (subtasks with dependencies and roles) and
// supervisor (corrective subtasks for failed verdicts), as JSON matching src/prompts/contract.ts.
import type { ComposeOutput, PlanOutput, SupervisorOutput } from '../../prompts/contract.js';
import { readSection } from '../../prompts/sections.js';
import { pickRole, readRoleNames } from './role-picker.js';
import { splitTask } from './task-splitter.js';

export function planReply(sectionText: string): PlanOutput {
  const task = readSection(sectionText, 'task') ?? sectionText;
  return { subtasks: splitTask(task) };
}

export function composeReply(sectionText: string): ComposeOutput {
  const task = readSection(sectionText, 'task') ?? sectionText;
  const roles = readRoleNames(readSection(sectionText, 'roles'));
  const parts = splitTask(task);
  return {
    subtasks: parts.map((part, index) => ({
      id: `s${index + 1}`,
      subtask: part.subtask,
      role: pickRole(part.subtask, roles),
      depends_on: part.depends_on.map((dependency) => `s${dependency + 1}`),
    })),
  };
}

/** One corrective subtask per "- <subtask> :: <reason>" line; a trailing "[role]" is kept. */
export function supervisorReply(sectionText: string): SupervisorOutput {
  const failed = readSection(sectionText, 'failed') ?? '';
  const roles = readRoleNames(readSection(sectionText, 'roles'));
  const subtasks: SupervisorOutput['subtasks'] = [];
  for (const line of failed.split('\n')) {
    const trimmed = line.replace(/^\s*[-*•]\s*/, '').trim();
    if (trimmed === '') continue;
    const [subtaskPart] = trimmed.split(' :: ');
    const roleMatch = /\s*\[([^\]]+)\]\s*$/.exec(subtaskPart);
    const subtask = (roleMatch ? subtaskPart.slice(0, roleMatch.index) : subtaskPart).trim();
    const role = roleMatch?.[1]?.trim() ?? (roles.length > 0 ? pickRole(subtask, roles) : undefined);
    const corrective = `Retry ${subtask} and report a concrete result`;
    subtasks.push(role ? { subtask: corrective, role } : { subtask: corrective });
  }
  return { subtasks };
}
