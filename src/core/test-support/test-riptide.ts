// Test support: a real riptide (offline model, built-in tools, SQLite store) in a fresh temp data
// dir, with the offline model's request log so tests can assert on what the model received.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config/config.js';
import type { ModelPurpose } from '../../models/model-gateway.js';
import { createRiptide } from '../../riptide.js';
import type { Riptide } from '../../riptide-types.js';
import { createBuiltinTools } from '../../tools/builtin-tools.js';
import type { ToolSpec } from '../../tools/tool-spec.js';

export interface ModelRequest {
  purpose: ModelPurpose;
  text: string;
}

export interface TestRiptide {
  riptide: Riptide;
  dataDir: string;
  requests: ModelRequest[];
  requestsFor(purpose: ModelPurpose): ModelRequest[];
  close(): Promise<void>;
}

export async function openTestRiptide(
  options: { env?: Record<string, string>; extraTools?: ToolSpec[]; dataDir?: string } = {},
): Promise<TestRiptide> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
  const config = loadConfig({ RIPTIDE_DATA_DIR: dataDir, ...options.env });
  const requests: ModelRequest[] = [];
  const riptide = await createRiptide(config, {
    extraTools: options.extraTools,
    modelOptions: {
      offline: { onRequest: (purpose, text) => requests.push({ purpose: purpose as ModelPurpose, text }) },
    },
  });
  return {
    riptide,
    dataDir,
    requests,
    requestsFor: (purpose) => requests.filter((request) => request.purpose === purpose),
    close: () => riptide.close(),
  };
}

/** A newer version of a built-in tool (so the registry uses it) whose handler wraps the original. */
export function wrapBuiltinTool(name: string, wrap: (original: ToolSpec['handler']) => ToolSpec['handler']): ToolSpec {
  const original = createBuiltinTools({ enableNetwork: false, networkAllowHosts: [], searxngUrl: null }).find(
    (tool) => tool.name === name,
  );
  if (!original) throw new Error(`no built-in tool '${name}'`);
  return { ...original, version: '99.0.0', handler: wrap(original.handler) };
}

/**
 * Tools that record when each call started and ended. Each call waits (up to `waitMs`) until
 * `expected` calls have started: concurrent calls all start before any ends; sequential calls
 * cannot, so an overlap assertion fails for them.
 */
export function recordingTools(
  names: string[],
  log: { tool: string; event: 'start' | 'end' }[],
  expected = names.length,
  waitMs = 2_000,
): ToolSpec[] {
  let started = 0;
  const waiters: (() => void)[] = [];
  return names.map((name) =>
    wrapBuiltinTool(name, (original) => async (args, context) => {
      log.push({ tool: name, event: 'start' });
      started += 1;
      if (started >= expected) for (const wake of waiters.splice(0)) wake();
      else {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, waitMs);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      const value = await original(args, context);
      log.push({ tool: name, event: 'end' });
      return value;
    }),
  );
}
