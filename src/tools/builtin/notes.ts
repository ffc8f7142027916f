// Per-tenant notes: write_note (side-effecting), read_note and kb_search, all confined to
// <workspace>/notes/<tenant>/ through the workspace guard.

import { RiptideError } from '../../errors/riptide-error.js';
import { isIdentifier } from '../../spec/identifier.js';
import { defineTool } from '../define-tool.js';
import { createTextIndex } from '../retrieval/text-index.js';
import { textTerms } from '../retrieval/text-terms.js';
import { integer, nonEmptyText, text, withDefault } from '../schema-fields.js';
import type { ToolContext, ToolSpec } from '../tool-spec.js';
import {
  listWorkspaceFiles,
  readWorkspaceFile,
  resolveWorkspacePath,
  writeWorkspaceFile,
} from '../workspace/workspace-files.js';

const MAX_NOTES_SEARCHED = 500;

/** The tenant's notes directory, itself checked to resolve inside the workspace. */
export async function notesRoot(context: ToolContext): Promise<string> {
  if (!isIdentifier(context.tenantId)) {
    throw new RiptideError('workspace_violation', `invalid tenant id '${context.tenantId}'`);
  }
  return resolveWorkspacePath(context.workspaceDir, `notes/${context.tenantId}`);
}

function noteFile(title: string): string {
  return /\.(md|txt)$/i.test(title) ? title : `${title}.md`;
}

function titleFromContent(content: string): string {
  const words = content
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .slice(0, 6);
  return words.length > 0 ? words.join('-').toLowerCase() : 'note';
}

export function createNotesTools(): ToolSpec[] {
  return [
    defineTool<{ content: string; title: string }>({
      name: 'write_note',
      description: "Save (write, record, store) a note in the tenant's notes so it can be read or searched later.",
      category: 'notes',
      tags: ['save', 'note', 'record', 'remember', 'store', 'write', 'jot', 'memo'],
      side_effecting: true,
      parameters: {
        content: nonEmptyText('The text of the note.', 256 * 1024),
        title: withDefault(
          text('A short file-safe title (letters, digits, space, ._-); derived from the content when empty.', 100),
          '',
        ),
      },
      handler: async ({ content, title }, context) => {
        const root = await notesRoot(context);
        const name = noteFile(title.trim() === '' ? titleFromContent(content) : title.trim());
        if (name.includes('/') || name.includes('\\')) {
          throw new RiptideError('workspace_violation', `note titles cannot contain path separators: '${title}'`);
        }
        const change = await writeWorkspaceFile(root, name, content);
        return { saved: change.path, action: change.action, bytes: change.bytes };
      },
    }),
    defineTool<{ title: string }>({
      name: 'read_note',
      description: "Read back a saved note by its title from the tenant's notes.",
      category: 'notes',
      tags: ['read', 'note', 'open', 'recall', 'show', 'memo'],
      parameters: { title: nonEmptyText('The title the note was saved under.', 100) },
      handler: async ({ title }, context) => {
        const name = noteFile(title.trim());
        if (name.includes('/') || name.includes('\\')) {
          throw new RiptideError('workspace_violation', `note titles cannot contain path separators: '${title}'`);
        }
        return readWorkspaceFile(await notesRoot(context), name);
      },
    }),
    defineTool<{ query: string; limit: number }>({
      name: 'kb_search',
      description:
        "Search the tenant's knowledge base of saved notes and return the best-matching notes with snippets.",
      category: 'knowledge',
      tags: ['search', 'knowledge base', 'kb', 'notes', 'find', 'lookup', 'research', 'retrieve'],
      parameters: {
        query: nonEmptyText('What to look for.', 1_000),
        limit: withDefault(integer('How many notes to return at most.', 1, 20), 5),
      },
      handler: async ({ query, limit }, context) => {
        const root = await notesRoot(context);
        const files = await listWorkspaceFiles(root, '', MAX_NOTES_SEARCHED);
        const notes = await Promise.all(
          files.map(async (file) => ({
            title: file.replace(/\.(md|txt)$/i, ''),
            content: await readWorkspaceFile(root, file),
          })),
        );
        const index = createTextIndex(notes, [
          { name: 'title', boost: 2, extract: (note) => note.title.replace(/[-_]/g, ' ') },
          { name: 'content', boost: 1, extract: (note) => note.content },
        ]);
        const terms = new Set(textTerms(query));
        return index.search(query, { limit }).map(({ item, score }) => ({
          title: item.title,
          score: Math.round(score * 1000) / 1000,
          snippet: snippet(item.content, terms),
        }));
      },
    }),
  ];
}

function snippet(content: string, terms: Set<string>): string {
  const lines = content.split(/\r?\n/).filter((line) => line.trim() !== '');
  const hit = lines.find((line) => textTerms(line).some((term) => terms.has(term))) ?? lines[0] ?? '';
  return hit.length > 200 ? `${hit.slice(0, 200)}…` : hit;
}
