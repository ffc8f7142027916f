// The worker's built-in control tools: ask_human (a clarification) and handoff (switch role), each
// offered at most once per subtask alongside the retrieved tools.
import type { ModelToolDefinition } from '../models/model-gateway.js';
import { ASK_HUMAN_TOOL, HANDOFF_TOOL } from '../prompts/contract.js';

export const ASK_HUMAN_DEFINITION: ModelToolDefinition = {
  description: 'Ask the human one clarifying question when the subtask cannot be done without their answer.',
  json_schema: {
    type: 'object',
    properties: { question: { type: 'string', description: 'The question for the human' } },
    required: ['question'],
    additionalProperties: false,
  },
};

export const HANDOFF_DEFINITION: ModelToolDefinition = {
  description: 'Hand the subtask over to a better-suited role, once, with a short reason.',
  json_schema: {
    type: 'object',
    properties: {
      role: { type: 'string', description: 'Name of the role to hand over to' },
      reason: { type: 'string', description: 'Why that role fits better' },
    },
    required: ['role', 'reason'],
    additionalProperties: false,
  },
};

export function isControlTool(name: string): boolean {
  return name === ASK_HUMAN_TOOL || name === HANDOFF_TOOL;
}

/** The answer non-interactive runs give to a clarification. */
export const DEFAULT_CLARIFICATION_ANSWER = 'proceed on your best assumption';
