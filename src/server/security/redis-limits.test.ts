// With RIPTIDE_REDIS_URL every replica shares the limits: two `riptide serve` processes count one
// key's requests together, and run slots are leases a dead process gives back. Needs the Redis at
// RIPTIDE_TEST_REDIS_URL (default redis://127.0.0.1:6379, started by .ci/run); skipped without one.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { createRiptide } from '../../riptide.js';
import { type ServeProcess, spawnServe } from '../test-support/spawn-serve.js';
import { createRedisRunSlots } from './redis-run-slots.js';

const REDIS_URL = process.env.RIPTIDE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0 });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const available = await redisAnswers();

describe.skipIf(!available)('limits shared through Redis', { timeout: 120_000 }, () => {
  const connections: Redis[] = [];
  const servers: ServeProcess[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-redis-'));
  const connect = () => {
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    connections.push(connection);
    return connection;
  };
  afterAll(async () => {
    for (const serve of servers) {
      serve.child.kill('SIGKILL');
      await serve.exited;
    }
    for (const connection of connections) connection.disconnect();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts one key across two server processes: 429 with Retry-After from either past the limit', async () => {
    const riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: dataDir, RIPTIDE_PROVIDER: 'offline' }));
    const { key } = await riptide.keys.create({ tenant_id: 'acme' });
    await riptide.close();
    const env = { RIPTIDE_AUTH: 'required', RIPTIDE_REDIS_URL: REDIS_URL, RIPTIDE_RATE_LIMIT: '6' };
    servers.push(await spawnServe(dataDir, env), await spawnServe(dataDir, env));
    const get = (serve: ServeProcess) =>
      fetch(`${serve.url}/api/tools?limit=1`, { headers: { authorization: `Bearer ${key}` } });

    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) statuses.push((await get(servers[index % 2])).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    for (const serve of servers) {
      const limited = await get(serve);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({ code: 'rate_limited' });
    }
  });

  it('shares run slots between connections, and a holder that dies gives its slot back after the lease', async () => {
    const tenant = `tenant-${randomUUID()}`;
    const first = createRedisRunSlots(connect(), 2);
    const second = createRedisRunSlots(connect(), 2);
    const a = await first.tryAcquire(tenant);
    const b = await second.tryAcquire(tenant);
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(await first.tryAcquire(tenant)).toBeNull();
    expect(await second.tryAcquire(tenant)).toBeNull();
    expect(await second.inUse(tenant)).toBe(2);
    a?.();
    const deadline = Date.now() + 5_000;
    let c = await second.tryAcquire(tenant);
    while (!c && Date.now() < deadline) c = await second.tryAcquire(tenant);
    expect(c).not.toBeNull();
    b?.();
    c?.();

    // A process that dies holding a slot: its lease stops being refreshed and runs out.
    const doomedConnection = new Redis(REDIS_URL, { maxRetriesPerRequest: 0 });
    const doomed = createRedisRunSlots(doomedConnection, 1, { leaseMs: 600 });
    const survivor = createRedisRunSlots(connect(), 1, { leaseMs: 600 });
    const other = `tenant-${randomUUID()}`;
    expect(await doomed.tryAcquire(other)).not.toBeNull();
    doomedConnection.disconnect();
    expect(await survivor.tryAcquire(other)).toBeNull();
    const leaseDeadline = Date.now() + 10_000;
    let taken = await survivor.tryAcquire(other);
    while (!taken && Date.now() < leaseDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      taken = await survivor.tryAcquire(other);
    }
    expect(taken).not.toBeNull();
    taken?.();
  });
});
