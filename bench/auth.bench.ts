// The cost of API-key authentication per request: a cold verification (one scrypt), a warm one
// (primary-key read + cached proof), and a cheap route served with auth off against the same route
// with a key, measured in one run (read the ratio; the machine is shared).
// Usage: npx tsx bench/auth.bench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { createRiptide } from '../src/riptide.js';
import { buildServer } from '../src/server/build-server.js';

const WARM_CALLS = 2_000;
const REQUESTS = 1_000;

async function timeEach(count: number, work: (index: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let index = 0; index < count; index += 1) await work(index);
  return (performance.now() - start) / count;
}

async function open(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-bench-'));
  const riptide = await createRiptide(
    loadConfig({ RIPTIDE_PROVIDER: 'offline', RIPTIDE_RATE_LIMIT: '10000000', ...env, RIPTIDE_DATA_DIR: dataDir }),
  );
  const app = await buildServer(riptide, { logger: false });
  await app.ready();
  return {
    riptide,
    app,
    async close() {
      await app.close();
      await riptide.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const secured = await open({ RIPTIDE_AUTH: 'required' });
const open_ = await open({ RIPTIDE_AUTH: 'off' });
try {
  const keys = await Promise.all(Array.from({ length: 5 }, () => secured.riptide.keys.create({ tenant_id: 'acme' })));
  const cold = await timeEach(keys.length, (index) => secured.riptide.keys.authenticate(keys[index].key));
  const warm = await timeEach(WARM_CALLS, (index) => secured.riptide.keys.authenticate(keys[index % keys.length].key));
  const headers = { authorization: `Bearer ${keys[0].key}` };
  // Warm both servers up before measuring.
  for (let index = 0; index < 200; index += 1) {
    await secured.app.inject({ url: '/api/tools?limit=1', headers });
    await open_.app.inject('/api/tools?limit=1');
  }
  const withKey = await timeEach(REQUESTS, () => secured.app.inject({ url: '/api/tools?limit=1', headers }));
  const withoutAuth = await timeEach(REQUESTS, () => open_.app.inject('/api/tools?limit=1'));
  console.log(`cold verification (scrypt N=2^14, r=8): ${cold.toFixed(1)} ms per key, once per key and process`);
  console.log(`warm verification (PK read + cached proof): ${(warm * 1000).toFixed(0)} µs`);
  console.log(
    `GET /api/tools?limit=1 via inject: ${(withKey * 1000).toFixed(0)} µs with a key vs ${(withoutAuth * 1000).toFixed(0)} µs with auth off (×${(withKey / withoutAuth).toFixed(2)}; +${((withKey - withoutAuth) * 1000).toFixed(0)} µs)`,
  );
} finally {
  await secured.close();
  await open_.close();
}
