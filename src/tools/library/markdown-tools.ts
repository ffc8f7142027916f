// Markdown tools on marked: render to HTML, strip to text, list headings and links, build a table
// of contents and a table.
import { Marked, type Token, type Tokens } from 'marked';
import { defineTool } from '../define-tool.js';
import { anyList, integer, text, textList, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';
import { slugify } from './text-tools.js';

const markdown = text('The Markdown document.', 200_000);

function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    const children = (token as { tokens?: Token[] }).tokens;
    if (children) walk(children, visit);
    if (token.type === 'list') for (const item of (token as Tokens.List).items) walk(item.tokens, visit);
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens, visit);
    }
  }
}

export function createMarkdownTools(): ToolSpec[] {
  const category = 'markdown';
  // An instance per registry: marked's global object is shared mutable state.
  const marked = new Marked({ gfm: true, async: false });
  const headings = (source: string) => {
    const found: Array<{ level: number; text: string; anchor: string }> = [];
    for (const token of marked.lexer(source)) {
      if (token.type === 'heading') found.push({ level: token.depth, text: token.text, anchor: slugify(token.text) });
    }
    return found;
  };
  return [
    defineTool<{ markdown: string }>({
      name: 'markdown_to_html',
      description: 'Render Markdown (GitHub-flavoured) to HTML. The HTML is not sanitised.',
      category,
      tags: ['markdown', 'md', 'html', 'render', 'convert', 'gfm'],
      parameters: { markdown },
      handler: (args) => marked.parse(args.markdown) as string,
    }),
    defineTool<{ markdown: string }>({
      name: 'markdown_to_text',
      description: 'Strip Markdown formatting and return the plain text.',
      category,
      tags: ['markdown', 'md', 'plain text', 'strip', 'remove formatting'],
      parameters: { markdown },
      handler: (args) => {
        const blocks: string[] = [];
        for (const token of marked.lexer(args.markdown)) {
          if (token.type === 'space' || token.type === 'hr') continue;
          const parts: string[] = [];
          walk([token], (inner) => {
            if (inner.type === 'text' && !(inner as { tokens?: Token[] }).tokens) parts.push(inner.text);
            else if (inner.type === 'codespan' || inner.type === 'code') parts.push(inner.text);
          });
          blocks.push(parts.join(token.type === 'list' ? '\n' : ''));
        }
        return blocks.filter(Boolean).join('\n\n');
      },
    }),
    defineTool<{ markdown: string }>({
      name: 'markdown_headings',
      description: 'List the headings (outline) of a Markdown document with their levels and anchors.',
      category,
      tags: ['markdown', 'headings', 'outline', 'sections', 'titles', 'structure'],
      parameters: { markdown },
      handler: (args) => headings(args.markdown),
    }),
    defineTool<{ markdown: string; max_level: number }>({
      name: 'markdown_toc',
      description: 'Generate a Markdown table of contents (TOC) linking to the document’s headings.',
      category,
      tags: ['markdown', 'toc', 'table of contents', 'outline', 'navigation'],
      parameters: { markdown, max_level: withDefault(integer('Deepest heading level to include.', 1, 6), 3) },
      handler: (args) =>
        headings(args.markdown)
          .filter((heading) => heading.level <= args.max_level)
          .map((heading) => `${'  '.repeat(heading.level - 1)}- [${heading.text}](#${heading.anchor})`)
          .join('\n'),
    }),
    defineTool<{ markdown: string }>({
      name: 'markdown_links',
      description: 'List every link and image in a Markdown document with its text and URL.',
      category,
      tags: ['markdown', 'links', 'urls', 'images', 'references', 'extract'],
      parameters: { markdown },
      handler: (args) => {
        const links: Array<{ type: string; text: string; href: string }> = [];
        walk(marked.lexer(args.markdown), (token) => {
          if (token.type === 'link' || token.type === 'image')
            links.push({ type: token.type, text: token.text, href: token.href });
        });
        return links;
      },
    }),
    defineTool<{ headers: string[]; rows: string[][] }>({
      name: 'markdown_table',
      description: 'Build a Markdown table from column headers and rows.',
      category,
      tags: ['markdown', 'table', 'grid', 'columns', 'rows', 'format'],
      parameters: {
        headers: textList('The column headers.', 50, 200),
        rows: {
          ...anyList('The rows, each a list of cell strings.', 1_000),
          items: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 1_000 } },
        },
      },
      handler: (args) => {
        if (args.headers.length === 0) throw new ToolInputError('headers must not be empty');
        const cell = (value: string | undefined) => (value ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
        const line = (cells: string[]) => `| ${args.headers.map((_, i) => cell(cells[i])).join(' | ')} |`;
        return [line(args.headers), `| ${args.headers.map(() => '---').join(' | ')} |`, ...args.rows.map(line)].join(
          '\n',
        );
      },
    }),
  ];
}
