// Collection tools over lists of strings: sort, dedupe, chunk, set algebra, frequencies and zips.
import { defineTool } from '../define-tool.js';
import { boolean, integer, textList, withDefault } from '../schema-fields.js';
import type { ToolSpec } from '../tool-spec.js';

const items = textList('The list items.');
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function createCollectionsTools(): ToolSpec[] {
  const category = 'collections';
  const twoLists = { a: textList('The first list.'), b: textList('The second list.') };
  return [
    defineTool<{ items: string[]; descending: boolean }>({
      name: 'sort_list',
      description: 'Sort a list of items in natural order (numbers by value, case-insensitive).',
      category,
      tags: ['sort', 'list', 'order', 'alphabetical', 'ascending', 'descending'],
      parameters: { items, descending: withDefault(boolean('Largest / Z first.'), false) },
      handler: (args) => {
        const sorted = [...args.items].sort(collator.compare);
        return args.descending ? sorted.reverse() : sorted;
      },
    }),
    defineTool<{ items: string[] }>({
      name: 'unique_list',
      description: 'Remove duplicate items from a list, keeping the first occurrence order (distinct values).',
      category,
      tags: ['unique', 'distinct', 'dedupe', 'duplicates', 'list'],
      parameters: { items },
      handler: (args) => [...new Set(args.items)],
    }),
    defineTool<{ items: string[] }>({
      name: 'reverse_list',
      description: 'Reverse the order of the items in a list.',
      category,
      tags: ['reverse', 'list', 'order', 'backwards'],
      parameters: { items },
      handler: (args) => [...args.items].reverse(),
    }),
    defineTool<{ items: string[]; size: number }>({
      name: 'chunk_list',
      description: 'Split a list into batches (chunks) of a fixed size.',
      category,
      tags: ['chunk', 'batch', 'split', 'groups', 'paginate', 'list'],
      parameters: { items, size: integer('Items per chunk.', 1, 1_000) },
      handler: (args) => {
        const chunks: string[][] = [];
        for (let i = 0; i < args.items.length; i += args.size) chunks.push(args.items.slice(i, i + args.size));
        return chunks;
      },
    }),
    defineTool<{ a: string[]; b: string[] }>({
      name: 'set_union',
      description: 'Union of two lists: every distinct item found in either list.',
      category,
      tags: ['union', 'set', 'merge', 'combine', 'either'],
      parameters: twoLists,
      handler: (args) => [...new Set([...args.a, ...args.b])],
    }),
    defineTool<{ a: string[]; b: string[] }>({
      name: 'set_intersection',
      description: 'Intersection of two lists: the items present in both (common elements).',
      category,
      tags: ['intersection', 'set', 'common', 'both', 'overlap', 'shared'],
      parameters: twoLists,
      handler: (args) => {
        const other = new Set(args.b);
        return [...new Set(args.a.filter((item) => other.has(item)))];
      },
    }),
    defineTool<{ a: string[]; b: string[] }>({
      name: 'set_difference',
      description: 'Difference of two lists: items in the first list that are missing from the second.',
      category,
      tags: ['difference', 'set', 'minus', 'missing', 'not in', 'except', 'compare lists'],
      parameters: twoLists,
      handler: (args) => {
        const other = new Set(args.b);
        return [...new Set(args.a.filter((item) => !other.has(item)))];
      },
    }),
    defineTool<{ items: string[]; top: number }>({
      name: 'count_frequencies',
      description: 'Count how many times each item occurs in a list, most common first (tally).',
      category,
      tags: ['frequency', 'count', 'tally', 'occurrences', 'most common', 'group by'],
      parameters: { items, top: withDefault(integer('How many entries to return.', 1, 1_000), 50) },
      handler: (args) => {
        const counts = new Map<string, number>();
        for (const item of args.items) counts.set(item, (counts.get(item) ?? 0) + 1);
        return [...counts]
          .sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))
          .slice(0, args.top)
          .map(([item, count]) => ({ item, count }));
      },
    }),
    defineTool<{ keys: string[]; values: string[] }>({
      name: 'zip_lists',
      description: 'Pair two lists element by element into an object of key → value.',
      category,
      tags: ['zip', 'pair', 'combine', 'map', 'dictionary', 'keys values'],
      parameters: { keys: textList('The keys.'), values: textList('The values, in the same order.') },
      handler: (args) => Object.fromEntries(args.keys.map((key, i) => [key, args.values[i] ?? null])),
    }),
    defineTool<{ items: string[]; separator: string; last_separator: string }>({
      name: 'join_list',
      description: 'Join list items into one string, e.g. "a, b and c".',
      category,
      tags: ['join', 'concatenate', 'list', 'sentence', 'oxford comma'],
      parameters: {
        items,
        separator: withDefault({ type: 'string', description: 'Between items.', maxLength: 20 }, ', '),
        last_separator: withDefault({ type: 'string', description: 'Before the last item.', maxLength: 20 }, ' and '),
      },
      handler: ({ items: list, separator, last_separator }) =>
        list.length <= 1
          ? (list[0] ?? '')
          : `${list.slice(0, -1).join(separator)}${last_separator}${list[list.length - 1]}`,
    }),
  ];
}
