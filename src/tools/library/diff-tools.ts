// Diff tools on the `diff` package: unified patches, word and line diffs, JSON diffs and applying
// a patch.
import { applyPatch, createTwoFilesPatch, diffJson, diffLines, diffWords } from 'diff';
import { defineTool } from '../define-tool.js';
import { integer, nonEmptyText, text, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';
import { parseJson } from './json-tools.js';

const before = text('The original (old) text.', 100_000);
const after = text('The changed (new) text.', 100_000);

export function createDiffTools(): ToolSpec[] {
  const category = 'diff';
  return [
    defineTool<{ before: string; after: string; context: number }>({
      name: 'text_diff',
      description: 'Compare two texts and return a unified diff patch of the changed lines.',
      category,
      tags: ['diff', 'compare', 'patch', 'unified diff', 'changes', 'versions'],
      parameters: {
        before,
        after,
        context: withDefault(integer('Unchanged context lines around each change.', 0, 20), 3),
      },
      handler: (args) =>
        createTwoFilesPatch('before', 'after', args.before, args.after, '', '', { context: args.context }),
    }),
    defineTool<{ before: string; after: string }>({
      name: 'word_diff',
      description: 'Compare two sentences or paragraphs word by word, marking [-removed-] and {+added+} words.',
      category,
      tags: ['diff', 'compare', 'words', 'changes', 'edits', 'redline', 'track changes'],
      parameters: { before: text('The original text.', 20_000), after: text('The changed text.', 20_000) },
      handler: (args) =>
        diffWords(args.before, args.after)
          .map((part) => (part.added ? `{+${part.value}+}` : part.removed ? `[-${part.value}-]` : part.value))
          .join(''),
    }),
    defineTool<{ before: string; after: string }>({
      name: 'diff_stats',
      description: 'Count how many lines were added, removed and kept between two texts.',
      category,
      tags: ['diff', 'stats', 'lines added', 'lines removed', 'changes', 'summary'],
      parameters: { before, after },
      handler: (args) => {
        const stats = { added: 0, removed: 0, unchanged: 0 };
        for (const part of diffLines(args.before, args.after)) {
          const count = part.count ?? 0;
          if (part.added) stats.added += count;
          else if (part.removed) stats.removed += count;
          else stats.unchanged += count;
        }
        return stats;
      },
    }),
    defineTool<{ before: string; after: string }>({
      name: 'json_diff',
      description: 'Compare two JSON documents structurally and list the added and removed lines.',
      category,
      tags: ['diff', 'json', 'compare', 'changes', 'objects'],
      parameters: {
        before: nonEmptyText('The original JSON.', 100_000),
        after: nonEmptyText('The changed JSON.', 100_000),
      },
      handler: (args) => {
        const changes = diffJson(parseJson(args.before, 'before') as object, parseJson(args.after, 'after') as object);
        return {
          identical: changes.every((part) => !part.added && !part.removed),
          added: changes.filter((part) => part.added).map((part) => part.value.trim()),
          removed: changes.filter((part) => part.removed).map((part) => part.value.trim()),
        };
      },
    }),
    defineTool<{ text: string; patch: string }>({
      name: 'apply_patch',
      description: 'Apply a unified diff patch to a text and return the patched text.',
      category,
      tags: ['diff', 'patch', 'apply', 'unified diff', 'merge'],
      parameters: { text: text('The text to patch.', 100_000), patch: nonEmptyText('The unified diff.', 100_000) },
      handler: (args) => {
        let result: string | false;
        try {
          result = applyPatch(args.text, args.patch);
        } catch (error) {
          throw new ToolInputError(`patch could not be parsed: ${(error as Error).message}`);
        }
        if (result === false) throw new ToolInputError('patch does not apply to this text');
        return result;
      },
    }),
  ];
}
