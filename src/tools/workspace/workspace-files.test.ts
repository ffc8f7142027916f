import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempWorkspace } from '../test-support/tool-test-context.js';
import {
  deleteWorkspaceFile,
  listWorkspaceFiles,
  MAX_WORKSPACE_WRITE_BYTES,
  readWorkspaceFile,
  resolveWorkspacePath,
  writeWorkspaceFile,
} from './workspace-files.js';

describe('workspace guard', () => {
  it('writes, appends, reads, lists and deletes inside the workspace', async () => {
    const root = makeTempWorkspace();
    expect(await writeWorkspaceFile(root, 'docs/a.txt', 'one')).toEqual({
      path: 'docs/a.txt',
      action: 'created',
      bytes: 3,
    });
    expect((await writeWorkspaceFile(root, 'docs/a.txt', '+two', 'append')).action).toBe('appended');
    expect(await readWorkspaceFile(root, 'docs/a.txt')).toBe('one+two');
    expect(await listWorkspaceFiles(root)).toEqual(['docs/a.txt']);
    expect((await deleteWorkspaceFile(root, 'docs/a.txt')).action).toBe('deleted');
    expect(fs.existsSync(path.join(root, 'docs/a.txt'))).toBe(false);
  });

  it.each([
    ['../escape.txt', /traversal/],
    ['docs/../../escape.txt', /traversal/],
    ['/etc/passwd', /absolute/],
    ['C:\\Windows\\x', /absolute/],
    ['.hidden', /unsafe/],
    ['bad\0name', /NUL/],
    ['', /empty/],
  ])('refuses %j', async (relative, message) => {
    const root = makeTempWorkspace();
    await expect(writeWorkspaceFile(root, relative, 'x')).rejects.toMatchObject({
      code: 'workspace_violation',
      message: expect.stringMatching(message),
    });
  });

  it('refuses a symlink that points outside the workspace, for reads and writes', async () => {
    const root = makeTempWorkspace();
    const outside = makeTempWorkspace();
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    fs.symlinkSync(outside, path.join(root, 'link'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'file-link'));
    await expect(readWorkspaceFile(root, 'link/secret.txt')).rejects.toMatchObject({ code: 'workspace_violation' });
    await expect(writeWorkspaceFile(root, 'link/new.txt', 'x')).rejects.toMatchObject({ code: 'workspace_violation' });
    await expect(writeWorkspaceFile(root, 'file-link', 'x')).rejects.toMatchObject({ code: 'workspace_violation' });
    await expect(resolveWorkspacePath(root, 'file-link')).rejects.toThrow(/outside/);
    expect(fs.readFileSync(path.join(outside, 'secret.txt'), 'utf8')).toBe('secret');
    expect(fs.existsSync(path.join(outside, 'new.txt'))).toBe(false);
  });

  it('refuses a dangling symlink rather than writing through it', async () => {
    const root = makeTempWorkspace();
    const outside = makeTempWorkspace();
    fs.symlinkSync(path.join(outside, 'not-yet.txt'), path.join(root, 'dangling'));
    await expect(writeWorkspaceFile(root, 'dangling', 'x')).rejects.toMatchObject({ code: 'workspace_violation' });
    expect(fs.existsSync(path.join(outside, 'not-yet.txt'))).toBe(false);
  });

  it('refuses oversized writes', async () => {
    const root = makeTempWorkspace();
    await expect(writeWorkspaceFile(root, 'big.txt', 'x'.repeat(MAX_WORKSPACE_WRITE_BYTES + 1))).rejects.toThrow(
      /limit/,
    );
    expect(fs.existsSync(path.join(root, 'big.txt'))).toBe(false);
  });
});
