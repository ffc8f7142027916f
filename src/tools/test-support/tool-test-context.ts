// Helpers for tool tests: a real temporary workspace and a tool context pointing at it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ToolContext } from '../tool-spec.js';

export function makeTempWorkspace(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
}

export function toolContext(workspaceDir: string, tenantId = 'default'): ToolContext {
  return { tenantId, workspaceDir, signal: new AbortController().signal };
}
