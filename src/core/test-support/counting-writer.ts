// Test support: a side-effecting tool that records each execution, so a test can check a side effect
// ran exactly once (across resumes, takeovers and cancels).
import type { ToolSpec } from '../../tools/tool-spec.js';

export function countingWriter(executions: string[]): ToolSpec {
  return {
    name: 'write_memo',
    version: '1.0.0',
    description: 'Saves a memo note about a topic to the workspace',
    category: 'notes',
    tags: ['save', 'note', 'memo', 'write'],
    side_effecting: true,
    json_schema: {
      type: 'object',
      properties: { topic: { type: 'string', description: 'What the memo is about' } },
      required: ['topic'],
      additionalProperties: false,
    },
    handler: ({ topic }: { topic: string }) => {
      executions.push(topic);
      return `saved a memo about ${topic}`;
    },
  };
}
