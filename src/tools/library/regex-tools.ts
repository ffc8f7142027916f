// Regex tools: test, match, replace, split and escape, all through the time-limited runner.
import { defineTool } from '../define-tool.js';
import { integer, nonEmptyText, text, withDefault } from '../schema-fields.js';
import type { ToolSpec } from '../tool-spec.js';
import { runRegex } from './regex-runner.js';

const pattern = nonEmptyText('The regular expression (JavaScript syntax, without slashes).', 1_000);
const flags = withDefault(text('Regex flags, e.g. "i" for case-insensitive.', 8), '');
const subject = text('The text to apply the pattern to.', 50_000);

export function createRegexTools(): ToolSpec[] {
  const category = 'regex';
  return [
    defineTool({
      name: 'regex_test',
      description: 'Check whether a regular expression (regex pattern) matches a text; returns true or false.',
      category,
      tags: ['regex', 'regular expression', 'pattern', 'match', 'test'],
      parameters: { pattern, text: subject, flags },
      handler: (args: { pattern: string; text: string; flags: string }) => runRegex('test', args),
    }),
    defineTool({
      name: 'regex_match_all',
      description: 'Find every match of a regular expression in a text with positions and capture groups.',
      category,
      tags: ['regex', 'regular expression', 'matches', 'capture groups', 'find all', 'extract'],
      parameters: {
        pattern,
        text: subject,
        flags,
        limit: withDefault(integer('Maximum matches to return.', 1, 1_000), 100),
      },
      handler: (args: { pattern: string; text: string; flags: string; limit: number }) => runRegex('match_all', args),
    }),
    defineTool({
      name: 'regex_replace',
      description: 'Replace regular expression matches in a text ($1 refers to a capture group; add flag g for all).',
      category,
      tags: ['regex', 'regular expression', 'replace', 'substitute', 'sed'],
      parameters: {
        pattern,
        text: subject,
        replacement: text('The replacement; $1, $2 insert capture groups.', 10_000),
        flags: withDefault(text('Regex flags; "g" replaces every match.', 8), 'g'),
      },
      handler: (args: { pattern: string; text: string; flags: string; replacement: string }) =>
        runRegex('replace', args),
    }),
    defineTool({
      name: 'regex_split',
      description: 'Split a text into parts wherever a regular expression matches.',
      category,
      tags: ['regex', 'regular expression', 'split', 'separator', 'tokenize'],
      parameters: { pattern, text: subject, flags },
      handler: (args: { pattern: string; text: string; flags: string }) => runRegex('split', args),
    }),
    defineTool<{ text: string }>({
      name: 'regex_escape',
      description: 'Escape a literal string so it can be used safely inside a regular expression.',
      category,
      tags: ['regex', 'escape', 'literal', 'quote', 'special characters'],
      parameters: { text: text('The literal text to escape.', 10_000) },
      handler: (args) => args.text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
    }),
  ];
}
