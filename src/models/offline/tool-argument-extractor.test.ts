// Arguments the offline model extracts from a subtask, guided by the tool's JSON Schema.
import { describe, expect, it } from 'vitest';
import { extractArguments } from './tool-argument-extractor.js';

const writeNote = {
  name: 'write_note',
  description: 'Save a note in the workspace.',
  inputSchema: {
    type: 'object',
    properties: {
      content: { type: 'string', description: 'the note' },
      title: { type: 'string', description: 'optional title', default: '' },
      tags: { type: 'string', description: 'optional tags' },
    },
    required: ['content'],
  },
};

describe('extractArguments', () => {
  it('fills required strings and an optional title from the subtask, leaving other optional fields out', () => {
    expect(extractArguments(writeNote, 'save a note about water')).toEqual({ content: 'water', title: 'water' });
  });

  it('takes an explicit title when the subtask names one', () => {
    expect(extractArguments(writeNote, 'record a note titled groceries saying buy milk')).toEqual({
      content: 'buy milk',
      title: 'groceries',
    });
  });
});
