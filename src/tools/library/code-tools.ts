// Code tools: line statistics, language detection, indentation, comment stripping and identifier
// case conversion (camelCase, snake_case, kebab-case, PascalCase, CONSTANT_CASE).
import { defineTool } from '../define-tool.js';
import { splitWords } from '../retrieval/text-terms.js';
import { choice, integer, text, withDefault } from '../schema-fields.js';
import type { ToolSpec } from '../tool-spec.js';

const code = text('The source code.', 200_000);
const STYLES = ['c', 'hash'] as const;

const LANGUAGE_SIGNS: ReadonlyArray<readonly [string, RegExp[]]> = [
  ['python', [/^\s*def \w+\(.*\):/m, /^\s*import \w+$/m, /^\s*from \w+ import/m, /:\n\s+(return|pass)\b/, /self\./]],
  ['typescript', [/:\s*(string|number|boolean)\b/, /\binterface \w+/, /\bexport (type|interface)\b/, /<\w+>\(/]],
  ['javascript', [/\b(const|let|var) \w+ =/, /=>/, /\bfunction \w*\(/, /console\.log/, /require\(/]],
  ['java', [/\bpublic (static )?(class|void)\b/, /System\.out\.println/, /\bprivate final\b/]],
  ['go', [/^package \w+/m, /\bfunc \w+\(/, /:=/, /fmt\.Print/]],
  ['rust', [/\bfn \w+\(/, /\blet mut\b/, /println!/, /\bimpl\b/, /->\s*\w+\s*\{/]],
  ['c', [/#include\s*</, /\bint main\s*\(/, /printf\(/, /->\w+/]],
  ['sql', [/\bSELECT\b[\s\S]+\bFROM\b/i, /\bINSERT INTO\b/i, /\bCREATE TABLE\b/i, /\bWHERE\b/i]],
  ['html', [/<!DOCTYPE html>/i, /<\/?(div|span|body|html|p|a)\b/i]],
  ['css', [/^[.#]?[\w-]+\s*\{[^}]*:[^}]*;/m, /@media\b/]],
  ['shell', [/^#!.*\b(ba|z)?sh\b/m, /\becho \$/, /\bfi\b/, /\$\{?\w+\}?/]],
  ['json', [/^\s*[{[][\s\S]*[}\]]\s*$/, /"\w+"\s*:/]],
  ['yaml', [/^\w[\w-]*:\s*\S*$/m, /^\s*- \w+/m]],
];

function words(identifier: string): string[] {
  return splitWords(identifier.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')).map((word) => word.toLowerCase());
}

export function createCodeTools(): ToolSpec[] {
  const category = 'code';
  const caseTool = (name: string, label: string, example: string, join: (parts: string[]) => string) =>
    defineTool<{ text: string }>({
      name,
      description: `Convert an identifier or phrase to ${label} (${example}).`,
      category,
      tags: ['case', 'identifier', 'variable name', 'naming', 'convert', label],
      parameters: { text: text('The identifier or phrase to convert.', 1_000) },
      handler: (args) => join(words(args.text)),
    });
  const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
  return [
    defineTool<{ code: string; comment_style: (typeof STYLES)[number] }>({
      name: 'code_stats',
      description: 'Count lines of code, comment lines and blank lines in source code (LOC / SLOC).',
      category,
      tags: ['code', 'lines of code', 'loc', 'sloc', 'comments', 'count', 'metrics'],
      parameters: {
        code,
        comment_style: withDefault(choice('c: // and /* */ comments; hash: # comments.', STYLES), 'c'),
      },
      handler: (args) => {
        let blank = 0;
        let comment = 0;
        let inBlock = false;
        const lines = args.code.split(/\r?\n/);
        for (const raw of lines) {
          const line = raw.trim();
          if (line === '') blank++;
          else if (args.comment_style === 'hash') comment += line.startsWith('#') ? 1 : 0;
          else if (inBlock || line.startsWith('//') || line.startsWith('/*')) {
            comment++;
            inBlock = inBlock ? !line.includes('*/') : line.startsWith('/*') && !line.includes('*/');
          }
        }
        return { lines: lines.length, code: lines.length - blank - comment, comments: comment, blank };
      },
    }),
    defineTool<{ code: string }>({
      name: 'detect_code_language',
      description: 'Guess which programming language a code snippet is written in (Python, TypeScript, SQL, Go…).',
      category,
      tags: ['code', 'language', 'detect', 'identify', 'guess', 'programming language'],
      parameters: { code },
      handler: (args) => {
        const scores = LANGUAGE_SIGNS.map(([language, signs]) => ({
          language,
          score: signs.filter((sign) => sign.test(args.code)).length,
        }))
          .filter((entry) => entry.score > 0)
          .sort((a, b) => b.score - a.score);
        return scores.length === 0
          ? { language: 'unknown', candidates: [] }
          : { language: scores[0].language, candidates: scores.slice(0, 3) };
      },
    }),
    defineTool<{ code: string }>({
      name: 'dedent_code',
      description: 'Remove the common leading indentation from every line of a code block.',
      category,
      tags: ['code', 'dedent', 'unindent', 'indentation', 'whitespace'],
      parameters: { code },
      handler: (args) => {
        const lines = args.code.split('\n');
        const indent = Math.min(
          ...lines.filter((line) => line.trim()).map((line) => (line.match(/^[ \t]*/) as RegExpMatchArray)[0].length),
        );
        return lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
      },
    }),
    defineTool<{ code: string; spaces: number }>({
      name: 'indent_code',
      description: 'Indent every non-blank line of a code block by a number of spaces.',
      category,
      tags: ['code', 'indent', 'indentation', 'nest', 'whitespace'],
      parameters: { code, spaces: withDefault(integer('Spaces to add.', 1, 16), 2) },
      handler: (args) =>
        args.code
          .split('\n')
          .map((line) => (line.trim() ? ' '.repeat(args.spaces) + line : line))
          .join('\n'),
    }),
    defineTool<{ code: string; comment_style: (typeof STYLES)[number] }>({
      name: 'strip_comments',
      description: 'Remove comments from source code (// and /* */, or # comments), keeping strings intact.',
      category,
      tags: ['code', 'comments', 'strip', 'remove', 'clean', 'minify'],
      parameters: { code, comment_style: withDefault(choice('c: // and /* */; hash: #.', STYLES), 'c') },
      handler: (args) => {
        const pattern =
          args.comment_style === 'c'
            ? /("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g
            : /("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|#[^\n]*/g;
        return args.code
          .replace(pattern, (_match, literal: string | undefined) => literal ?? '')
          .split('\n')
          .map((line) => line.trimEnd())
          .join('\n');
      },
    }),
    caseTool('camel_case', 'camelCase', 'userAccountId', (parts) =>
      parts.map((word, i) => (i === 0 ? word : capital(word))).join(''),
    ),
    caseTool('pascal_case', 'PascalCase', 'UserAccountId', (parts) => parts.map(capital).join('')),
    caseTool('snake_case', 'snake_case', 'user_account_id', (parts) => parts.join('_')),
    caseTool('kebab_case', 'kebab-case', 'user-account-id', (parts) => parts.join('-')),
    caseTool('constant_case', 'CONSTANT_CASE', 'USER_ACCOUNT_ID', (parts) => parts.join('_').toUpperCase()),
  ];
}
