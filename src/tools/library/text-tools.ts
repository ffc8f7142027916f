// Text tools: case, trimming, slugs, counting, replacing, splitting and reformatting plain text.
import { defineTool } from '../define-tool.js';
import { boolean, choice, integer, nonEmptyText, text, withDefault } from '../schema-fields.js';
import type { ToolSpec } from '../tool-spec.js';

const input = text('The text to work on.');
const lines = (value: string): string[] => value.split(/\r\n|\r|\n/);

export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function createTextTools(): ToolSpec[] {
  const category = 'text';
  return [
    defineTool<{ text: string }>({
      name: 'lowercase',
      description: 'Convert a text to lowercase small letters.',
      category,
      tags: ['lower', 'case', 'small letters', 'convert'],
      parameters: { text: input },
      handler: (args) => args.text.toLowerCase(),
    }),
    defineTool<{ text: string }>({
      name: 'title_case',
      description: 'Capitalize the first letter of every word (Title Case) in a text.',
      category,
      tags: ['title', 'capitalize', 'headline', 'case', 'words'],
      parameters: { text: input },
      handler: (args) =>
        args.text.toLowerCase().replace(/(^|[\s\-/])(\p{L})/gu, (_m, lead, letter) => lead + letter.toUpperCase()),
    }),
    defineTool<{ text: string }>({
      name: 'sentence_case',
      description: 'Rewrite a text in sentence case: lowercase with the first letter of each sentence capitalized.',
      category,
      tags: ['sentence', 'capitalize', 'case', 'fix caps'],
      parameters: { text: input },
      handler: (args) =>
        args.text.toLowerCase().replace(/(^\s*|[.!?]\s+)(\p{L})/gu, (_m, lead, letter) => lead + letter.toUpperCase()),
    }),
    defineTool<{ text: string }>({
      name: 'reverse_text',
      description: 'Reverse the characters of a text (backwards), keeping emoji and accents intact.',
      category,
      tags: ['reverse', 'backwards', 'mirror', 'flip', 'palindrome'],
      parameters: { text: input },
      handler: (args) =>
        [...new Intl.Segmenter().segment(args.text)]
          .map((part) => part.segment)
          .reverse()
          .join(''),
    }),
    defineTool<{ text: string }>({
      name: 'trim_whitespace',
      description: 'Collapse runs of spaces and tabs, trim every line and drop blank lines at the ends.',
      category,
      tags: ['trim', 'whitespace', 'spaces', 'clean', 'normalize', 'strip'],
      parameters: { text: input },
      handler: (args) =>
        lines(args.text)
          .map((line) => line.replace(/[ \t]+/g, ' ').trim())
          .join('\n')
          .trim(),
    }),
    defineTool<{ text: string }>({
      name: 'slugify',
      description: 'Turn a title into a URL slug: lowercase ASCII words joined by hyphens.',
      category,
      tags: ['slug', 'url', 'permalink', 'kebab', 'seo', 'filename'],
      parameters: { text: text('The title to slugify.', 2_000) },
      handler: (args) => slugify(args.text),
    }),
    defineTool<{ text: string; max_length: number; ellipsis: string }>({
      name: 'truncate_text',
      description:
        'Shorten a text to at most a number of characters, cutting at a word boundary and adding an ellipsis.',
      category,
      tags: ['truncate', 'shorten', 'cut', 'limit', 'ellipsis', 'excerpt'],
      parameters: {
        text: input,
        max_length: integer('The maximum length of the result in characters.', 1, 100_000),
        ellipsis: withDefault(text('What to append when the text was cut.', 10), '…'),
      },
      handler: ({ text: value, max_length, ellipsis }) => {
        if (value.length <= max_length) return value;
        const room = Math.max(0, max_length - ellipsis.length);
        const cut = value.slice(0, room);
        const boundary = cut.lastIndexOf(' ');
        return `${(boundary > room / 2 ? cut.slice(0, boundary) : cut).trimEnd()}${ellipsis}`;
      },
    }),
    defineTool<{ text: string; substring: string; case_sensitive: boolean }>({
      name: 'count_occurrences',
      description: 'Count how many times a word or substring occurs in a text.',
      category,
      tags: ['count', 'occurrences', 'frequency', 'how many times', 'substring', 'find'],
      parameters: {
        text: input,
        substring: nonEmptyText('The word or substring to count.', 1_000),
        case_sensitive: withDefault(boolean('Whether case must match.'), false),
      },
      handler: ({ text: value, substring, case_sensitive }) => {
        const haystack = case_sensitive ? value : value.toLowerCase();
        const needle = case_sensitive ? substring : substring.toLowerCase();
        let count = 0;
        for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
        return count;
      },
    }),
    defineTool<{ text: string; find: string; replace: string }>({
      name: 'replace_text',
      description: 'Replace every occurrence of a literal substring in a text with another string.',
      category,
      tags: ['replace', 'substitute', 'find and replace', 'swap'],
      parameters: {
        text: input,
        find: nonEmptyText('The literal text to find.', 1_000),
        replace: text('The replacement text.', 10_000),
      },
      handler: (args) => args.text.split(args.find).join(args.replace),
    }),
    defineTool<{ text: string; separator: string }>({
      name: 'split_text',
      description: 'Split a text into a list of parts on a separator (comma by default).',
      category,
      tags: ['split', 'separate', 'tokenize', 'delimiter', 'list'],
      parameters: { text: input, separator: withDefault(nonEmptyText('The separator to split on.', 20), ',') },
      handler: (args) => args.text.split(args.separator).map((part) => part.trim()),
    }),
    defineTool<{ text: string }>({
      name: 'remove_duplicate_lines',
      description: 'Remove repeated lines from a text, keeping the first occurrence of each.',
      category,
      tags: ['dedupe', 'duplicate', 'unique', 'lines', 'remove'],
      parameters: { text: input },
      handler: (args) => [...new Set(lines(args.text))].join('\n'),
    }),
    defineTool<{ text: string; descending: boolean }>({
      name: 'sort_lines',
      description: 'Sort the lines of a text alphabetically (natural order, numbers compared by value).',
      category,
      tags: ['sort', 'lines', 'alphabetical', 'order'],
      parameters: { text: input, descending: withDefault(boolean('Sort Z→A instead of A→Z.'), false) },
      handler: ({ text: value, descending }) => {
        const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
        const sorted = lines(value).sort(collator.compare);
        return (descending ? sorted.reverse() : sorted).join('\n');
      },
    }),
    defineTool<{ text: string; width: number }>({
      name: 'wrap_text',
      description: 'Word-wrap a text so no line is longer than a given width.',
      category,
      tags: ['wrap', 'line width', 'reflow', 'columns', 'format'],
      parameters: { text: input, width: withDefault(integer('The maximum line width in characters.', 10, 500), 80) },
      handler: ({ text: value, width }) =>
        value
          .split(/\n{2,}/)
          .map((paragraph) => {
            const out: string[] = [];
            let line = '';
            for (const word of paragraph.split(/\s+/).filter(Boolean)) {
              if (line && line.length + 1 + word.length > width) {
                out.push(line);
                line = word;
              } else line = line ? `${line} ${word}` : word;
            }
            if (line) out.push(line);
            return out.join('\n');
          })
          .join('\n\n'),
    }),
    defineTool<{ text: string; words_per_minute: number }>({
      name: 'reading_time',
      description: 'Estimate how many minutes it takes to read a text.',
      category,
      tags: ['reading time', 'minutes', 'read', 'estimate', 'length'],
      parameters: {
        text: input,
        words_per_minute: withDefault(integer('Reading speed in words per minute.', 50, 1_000), 230),
      },
      handler: ({ text: value, words_per_minute }) => {
        const words = value.split(/\s+/).filter(Boolean).length;
        return { words, minutes: Math.max(words > 0 ? 1 : 0, Math.ceil(words / words_per_minute)) };
      },
    }),
    defineTool<{ text: string; top: number }>({
      name: 'character_frequency',
      description: 'Count how often each character (letter) appears in a text, most frequent first.',
      category,
      tags: ['character', 'letter', 'frequency', 'histogram', 'count'],
      parameters: { text: input, top: withDefault(integer('How many characters to return.', 1, 200), 20) },
      handler: ({ text: value, top }) => {
        const counts = new Map<string, number>();
        for (const char of value) if (!/\s/.test(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
        return [...counts]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, top)
          .map(([character, count]) => ({ character, count }));
      },
    }),
    defineTool<{ text: string }>({
      name: 'acronym',
      description: 'Build an acronym from the first letters of the words in a phrase.',
      category,
      tags: ['acronym', 'initials', 'abbreviation', 'first letters'],
      parameters: { text: text('The phrase.', 2_000) },
      handler: (args) =>
        args.text
          .split(/[\s-]+/)
          .filter((word) => /^\p{L}/u.test(word))
          .map((word) => word[0].toUpperCase())
          .join(''),
    }),
    defineTool<{ text: string; side: 'left' | 'right' | 'both'; width: number; fill: string }>({
      name: 'pad_text',
      description: 'Pad a text to a fixed width with a fill character on the left, right or both sides (center).',
      category,
      tags: ['pad', 'align', 'center', 'justify', 'width', 'fill'],
      parameters: {
        text: text('The text to pad.', 1_000),
        width: integer('The target width in characters.', 1, 1_000),
        side: withDefault(choice('Where to add the padding.', ['left', 'right', 'both']), 'left'),
        fill: withDefault({ ...nonEmptyText('The single fill character.', 1) }, ' '),
      },
      handler: ({ text: value, side, width, fill }) => {
        if (side === 'left') return value.padStart(width, fill);
        if (side === 'right') return value.padEnd(width, fill);
        const left = Math.floor((width - value.length) / 2);
        return value.padStart(value.length + Math.max(0, left), fill).padEnd(width, fill);
      },
    }),
  ];
}
