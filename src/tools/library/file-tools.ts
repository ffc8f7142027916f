// Workspace file tools: read and list (read-only), write, append and delete (side-effecting,
// approval-gated). All go through the workspace guard and report exactly what they changed.
import { defineTool } from '../define-tool.js';
import { nonEmptyText, text, withDefault } from '../schema-fields.js';
import type { ToolSpec } from '../tool-spec.js';
import {
  deleteWorkspaceFile,
  listWorkspaceFiles,
  MAX_WORKSPACE_WRITE_BYTES,
  readWorkspaceFile,
  writeWorkspaceFile,
} from '../workspace/workspace-files.js';

const filePath = nonEmptyText('Path of the file relative to the workspace, e.g. "reports/summary.md".', 512);
const content = text('The text to write (UTF-8, at most 256 KiB).', MAX_WORKSPACE_WRITE_BYTES);

export function createFileTools(): ToolSpec[] {
  const category = 'files';
  return [
    defineTool<{ path: string }>({
      name: 'read_file',
      description: 'Read a text file from the workspace.',
      category,
      tags: ['file', 'read', 'open', 'load', 'contents', 'workspace'],
      parameters: { path: filePath },
      handler: (args, context) => readWorkspaceFile(context.workspaceDir, args.path),
    }),
    defineTool<{ directory: string }>({
      name: 'list_files',
      description: 'List the files in the workspace (or one of its folders).',
      category,
      tags: ['files', 'list', 'directory', 'folder', 'ls', 'workspace'],
      parameters: { directory: withDefault(text('A folder relative to the workspace; empty for all files.', 512), '') },
      handler: (args, context) => listWorkspaceFiles(context.workspaceDir, args.directory),
    }),
    defineTool<{ path: string; content: string }>({
      name: 'write_file',
      description: 'Create or overwrite a text file in the workspace and report what changed.',
      category,
      tags: ['file', 'write', 'save', 'create', 'overwrite', 'export', 'workspace'],
      side_effecting: true,
      parameters: { path: filePath, content },
      handler: async (args, context) => ({
        changed: [await writeWorkspaceFile(context.workspaceDir, args.path, args.content)],
      }),
    }),
    defineTool<{ path: string; content: string }>({
      name: 'append_file',
      description: 'Append text to the end of a workspace file (creating it if missing) and report what changed.',
      category,
      tags: ['file', 'append', 'add to', 'log', 'write', 'workspace'],
      side_effecting: true,
      parameters: { path: filePath, content },
      handler: async (args, context) => ({
        changed: [await writeWorkspaceFile(context.workspaceDir, args.path, args.content, 'append')],
      }),
    }),
    defineTool<{ path: string }>({
      name: 'delete_file',
      description: 'Delete a file from the workspace and report what was removed.',
      category,
      tags: ['file', 'delete', 'remove', 'rm', 'workspace'],
      side_effecting: true,
      parameters: { path: filePath },
      handler: async (args, context) => ({ changed: [await deleteWorkspaceFile(context.workspaceDir, args.path)] }),
    }),
  ];
}
