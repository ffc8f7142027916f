// The one guard every file tool goes through: paths are relative, made of safe segments, resolve
// inside the workspace even after following symlinks, and writes are size-bounded.
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { RiptideError } from '../../errors/riptide-error.js';

export const MAX_WORKSPACE_WRITE_BYTES = 256 * 1024;
export const MAX_WORKSPACE_READ_BYTES = 1024 * 1024;
const MAX_PATH_LENGTH = 512;
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9 ._-]{0,127}$/;

function refuse(message: string): never {
  throw new RiptideError('workspace_violation', message);
}

/** Checks the shape of a workspace-relative path without touching the disk; returns its segments. */
export function checkRelativePath(relativePath: string): string[] {
  if (typeof relativePath !== 'string' || relativePath.length === 0) refuse('path must not be empty');
  if (relativePath.length > MAX_PATH_LENGTH) refuse(`path is longer than ${MAX_PATH_LENGTH} characters`);
  if (relativePath.includes('\0')) refuse('path contains a NUL byte');
  if (path.isAbsolute(relativePath) || /^[A-Za-z]:/.test(relativePath) || relativePath.startsWith('\\')) {
    refuse(`absolute paths are not allowed: '${relativePath}'`);
  }
  const segments = relativePath.split(/[\\/]+/).filter((segment) => segment !== '');
  for (const segment of segments) {
    if (segment === '..' || segment === '.') refuse(`path traversal is not allowed: '${relativePath}'`);
    if (!SAFE_SEGMENT.test(segment) || segment.endsWith(' ') || segment.endsWith('.')) {
      refuse(`unsafe path segment '${segment}': use letters, digits, space, '.', '_' or '-'`);
    }
  }
  if (segments.length === 0) refuse('path must name a file');
  return segments;
}

async function realRoot(root: string): Promise<string> {
  await fs.mkdir(root, { recursive: true });
  return fs.realpath(root);
}

function inside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Resolves a workspace-relative path, refusing anything whose real location is outside root. */
export async function resolveWorkspacePath(root: string, relativePath: string): Promise<string> {
  const segments = checkRelativePath(relativePath);
  const base = await realRoot(root);
  const target = path.join(base, ...segments);
  // The deepest part of the path that exists decides where a symlink really points.
  let existing = target;
  for (;;) {
    try {
      const real = await fs.realpath(existing);
      if (!inside(base, real)) refuse(`'${relativePath}' resolves outside the workspace`);
      break;
    } catch (error) {
      if (RiptideError.is(error)) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      try {
        // A dangling symlink has no realpath; refuse it rather than write through it.
        if ((await fs.lstat(existing)).isSymbolicLink()) refuse(`'${relativePath}' is a dangling symlink`);
      } catch (inner) {
        if (RiptideError.is(inner)) throw inner;
      }
      const parent = path.dirname(existing);
      if (parent === existing || !inside(base, parent)) break;
      existing = parent;
    }
  }
  return target;
}

export interface WorkspaceChange {
  path: string;
  action: 'created' | 'overwritten' | 'appended' | 'deleted';
  bytes: number;
}

export async function writeWorkspaceFile(
  root: string,
  relativePath: string,
  content: string,
  mode: 'overwrite' | 'append' = 'overwrite',
): Promise<WorkspaceChange> {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > MAX_WORKSPACE_WRITE_BYTES) {
    refuse(`write of ${bytes} bytes exceeds the ${MAX_WORKSPACE_WRITE_BYTES}-byte limit`);
  }
  const target = await resolveWorkspacePath(root, relativePath);
  const existed = await fs
    .lstat(target)
    .then(() => true)
    .catch(() => false);
  if (mode === 'append' && existed) {
    const size = (await fs.stat(target)).size;
    if (size + bytes > MAX_WORKSPACE_READ_BYTES) refuse(`file would grow past ${MAX_WORKSPACE_READ_BYTES} bytes`);
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  // Re-resolve after creating directories, and never follow a symlink at the final component.
  await resolveWorkspacePath(root, relativePath);
  const flags =
    constants.O_WRONLY |
    constants.O_CREAT |
    constants.O_NOFOLLOW |
    (mode === 'append' ? constants.O_APPEND : constants.O_TRUNC);
  const handle = await fs.open(target, flags, 0o644).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ELOOP') refuse(`'${relativePath}' is a symlink`);
    throw error;
  });
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
  const action = mode === 'append' ? (existed ? 'appended' : 'created') : existed ? 'overwritten' : 'created';
  return { path: checkRelativePath(relativePath).join('/'), action, bytes };
}

export async function readWorkspaceFile(root: string, relativePath: string): Promise<string> {
  const target = await resolveWorkspacePath(root, relativePath);
  const stat = await fs.stat(target).catch(() => refuse(`no such file: '${relativePath}'`));
  if (!stat.isFile()) refuse(`not a file: '${relativePath}'`);
  if (stat.size > MAX_WORKSPACE_READ_BYTES) refuse(`file is larger than ${MAX_WORKSPACE_READ_BYTES} bytes`);
  return fs.readFile(target, 'utf8');
}

export async function deleteWorkspaceFile(root: string, relativePath: string): Promise<WorkspaceChange> {
  const target = await resolveWorkspacePath(root, relativePath);
  const stat = await fs.lstat(target).catch(() => refuse(`no such file: '${relativePath}'`));
  if (!stat.isFile()) refuse(`only files can be deleted: '${relativePath}'`);
  await fs.unlink(target);
  return { path: checkRelativePath(relativePath).join('/'), action: 'deleted', bytes: stat.size };
}

/** Files (not directories) under a workspace directory, relative to root, sorted; bounded. */
export async function listWorkspaceFiles(root: string, relativeDir = '', maxFiles = 1_000): Promise<string[]> {
  const base = await realRoot(root);
  const start = relativeDir === '' ? base : await resolveWorkspacePath(root, relativeDir);
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (files.length >= maxFiles) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.push(path.relative(base, full).split(path.sep).join('/'));
    }
  };
  await walk(start);
  return files;
}
