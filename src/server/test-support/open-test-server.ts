// Test support: a real riptide (offline model, SQLite in a temp dir) behind a real Fastify app, for
// in-process `app.inject` tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../config/config.js';
import { createRiptide, type RiptideOverrides } from '../../riptide.js';
import type { Riptide } from '../../riptide-types.js';
import { type BuildServerOptions, buildServer } from '../build-server.js';

export interface TestServer {
  app: FastifyInstance;
  riptide: Riptide;
  dataDir: string;
  close(): Promise<void>;
}

export async function openTestServer(
  env: Record<string, string> = {},
  options: BuildServerOptions = {},
  overrides: RiptideOverrides = {},
): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
  const config = loadConfig({
    RIPTIDE_PROVIDER: 'offline',
    RIPTIDE_LOG_LEVEL: 'silent',
    ...env,
    RIPTIDE_DATA_DIR: dataDir,
  });
  const riptide = await createRiptide(config, overrides);
  const app = await buildServer(riptide, { logger: false, ...options });
  await app.ready();
  return {
    app,
    riptide,
    dataDir,
    async close() {
      await app.close();
      await riptide.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
