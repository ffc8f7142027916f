// word_count and uppercase: the two text tools the offline graph relies on.
import { defineTool } from '../define-tool.js';
import { text } from '../schema-fields.js';
import type { ToolSpec } from '../tool-spec.js';

export function createTextBasicsTools(): ToolSpec[] {
  return [
    defineTool<{ text: string }>({
      name: 'word_count',
      description: 'Count the words, characters, lines and sentences in a text.',
      category: 'text',
      tags: ['count', 'words', 'length', 'characters', 'how many words', 'text statistics'],
      parameters: { text: text('The text to count.') },
      handler: ({ text: input }) => {
        const words = input.split(/\s+/).filter(Boolean).length;
        const lines = input === '' ? 0 : input.split(/\r\n|\r|\n/).length;
        const sentences = (input.match(/[^.!?]+[.!?]+(\s|$)/g) ?? []).length || (words > 0 ? 1 : 0);
        return { words, characters: [...input].length, lines, sentences };
      },
    }),
    defineTool<{ text: string }>({
      name: 'uppercase',
      description: 'Convert a text to UPPERCASE capital letters.',
      category: 'text',
      tags: ['upper', 'capitals', 'capitalize', 'shout', 'case', 'convert'],
      parameters: { text: text('The text to convert.') },
      handler: ({ text: input }) => input.toUpperCase(),
    }),
  ];
}
