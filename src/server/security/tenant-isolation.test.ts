// Tenancy from the key, attacked the way the issue did: a tenant key cannot read or spend another
// tenant's runs, resumes, sessions, workflows, costs, monitoring, lessons, notes or workspace files.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';

describe('tenant isolation with API keys', () => {
  let server: TestServer;
  const auth = { victim: {}, attacker: {}, admin: {} } as Record<
    'victim' | 'attacker' | 'admin',
    Record<string, string>
  >;
  let victimThread = '';
  let pendingVictimThread = '';

  const call = (who: keyof typeof auth, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: auth[who], ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    server = await openTestServer({ RIPTIDE_AUTH: 'required' });
    for (const [who, tenant] of [
      ['victim', 'victim'],
      ['attacker', 'attacker'],
    ] as const) {
      auth[who] = { authorization: `Bearer ${(await server.riptide.keys.create({ tenant_id: tenant })).key}` };
    }
    const admin = await server.riptide.keys.create({ tenant_id: 'ops', admin: true });
    auth.admin = { authorization: `Bearer ${admin.key}` };

    // The victim saves a note about water (approved) and leaves a second run pending.
    const started = await call('victim', 'POST', '/api/run/interactive', {
      task: 'save a note about water',
      offline: true,
    });
    expect(started.json().status).toBe('pending_approval');
    victimThread = started.json().thread_id;
    const resumed = await call('victim', 'POST', `/api/run/${victimThread}/resume`, { approved: true });
    expect(resumed.json()).toMatchObject({ status: 'completed', tenant_id: 'victim' });
    const pending = await call('victim', 'POST', '/api/run/interactive', {
      task: 'save a note about fire',
      offline: true,
    });
    pendingVictimThread = pending.json().thread_id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("keeps files in the tenant's own workspace: the attacker cannot read the victim's note", async () => {
    const victimDir = path.join(server.riptide.config.workspaceDir, 'tenants', 'victim');
    const files = fs.readdirSync(victimDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files).toHaveLength(1);
    const relative = path.relative(victimDir, path.join(files[0].parentPath, files[0].name)).split(path.sep).join('/');
    expect(relative).toMatch(/^notes\/victim\/.*water.*\.md$/);

    const own = await call('victim', 'POST', '/api/tools/read_file/invoke', { arguments: { path: relative } });
    expect(own.statusCode).toBe(200);
    expect(String(own.json().result)).toContain('water');

    for (const attempt of [
      relative,
      `../victim/${relative}`,
      `tenants/victim/${relative}`,
      `../../tenants/victim/${relative}`,
    ]) {
      const stolen = await call('attacker', 'POST', '/api/tools/read_file/invoke', { arguments: { path: attempt } });
      expect(stolen.statusCode).toBe(400);
      expect(stolen.json().detail).toMatch(/no such file|traversal|unsafe path/);
    }
    const listed = await call('attacker', 'POST', '/api/tools/list_files/invoke', { arguments: {} });
    expect(listed.json().result).toEqual([]);
    const searched = await call('attacker', 'POST', '/api/tools/kb_search/invoke', { arguments: { query: 'water' } });
    expect(searched.json().result).toEqual([]);
    const named = await call('attacker', 'POST', '/api/tools/read_file/invoke', {
      arguments: { path: relative },
      tenant_id: 'victim',
    });
    expect(named.statusCode).toBe(403);
  });

  it("answers another tenant's runs like unknown ones, and never resumes them", async () => {
    for (const thread of [victimThread, pendingVictimThread]) {
      const read = await call('attacker', 'GET', `/api/runs/${thread}`);
      expect(read.statusCode).toBe(404);
      expect(read.json().code).toBe('unknown_run');
      const resume = await call('attacker', 'POST', `/api/run/${thread}/resume`, { approved: true });
      expect(resume.statusCode).toBe(404);
      expect(resume.json()).toEqual({ detail: `no run with thread id '${thread}'`, code: 'unknown_run' });
    }
    const unknown = await call('attacker', 'POST', '/api/run/no-such-thread/resume', { approved: true });
    expect(unknown.statusCode).toBe(404);
    expect((await call('attacker', 'GET', '/api/runs')).json()).toEqual([]);
    expect((await call('attacker', 'GET', '/api/runs?tenant_id=victim')).statusCode).toBe(403);
    expect((await call('attacker', 'GET', '/api/runs?status=pending')).json()).toEqual([]);

    // The victim's pending run is untouched and still the victim's to resume.
    const own = await call('victim', 'GET', `/api/runs/${pendingVictimThread}`);
    expect(own.json().status).toBe('pending_approval');
    const victimRuns = (await call('victim', 'GET', '/api/runs')).json() as { tenant_id: string }[];
    expect(victimRuns.map((run) => run.tenant_id)).toEqual(['victim', 'victim']);
    expect((await call('admin', 'GET', '/api/runs?tenant_id=victim')).json()).toHaveLength(2);
  });

  it('keeps sessions apart even under the same session id', async () => {
    const said = await call('victim', 'POST', '/sessions/shared/messages', {
      task: 'compute 6 * 7',
      offline: true,
    });
    expect(said.statusCode).toBe(200);
    const attackerTurn = await call('attacker', 'POST', '/sessions/shared/messages', {
      task: 'compute 1 + 1',
      offline: true,
    });
    expect(attackerTurn.statusCode).toBe(200);

    const seenByAttacker = (await call('attacker', 'GET', '/sessions/shared')).json();
    expect(seenByAttacker.turns.map((turn: { task: string }) => turn.task)).toEqual(['compute 1 + 1']);
    const seenByVictim = (await call('victim', 'GET', '/sessions/shared')).json();
    expect(seenByVictim.turns.map((turn: { task: string }) => turn.task)).toEqual(['compute 6 * 7']);
    expect((await call('attacker', 'GET', '/sessions/shared?tenant_id=victim')).statusCode).toBe(403);
    const attackerSessions = (await call('attacker', 'GET', '/api/sessions')).json();
    expect(attackerSessions).toEqual([
      expect.objectContaining({ session_id: 'shared', turns: 1, last_task: 'compute 1 + 1' }),
    ]);

    await call('attacker', 'DELETE', '/sessions/shared');
    expect((await call('victim', 'GET', '/sessions/shared')).json().turns).toHaveLength(1);
  });

  it("shows a tenant only its own costs and monitoring, and never another tenant's lessons", async () => {
    const costs = (await call('attacker', 'GET', '/api/costs')).json();
    expect(Object.keys(costs)).toEqual(['attacker']);
    expect((await call('attacker', 'GET', '/api/costs?tenant_id=victim')).statusCode).toBe(403);
    const monitoring = (await call('attacker', 'GET', '/api/monitoring')).json();
    expect(Object.keys(monitoring.by_tenant)).toEqual(['attacker']);
    expect(monitoring.recent.every((record: { tenant_id: string }) => record.tenant_id === 'attacker')).toBe(true);
    const all = (await call('admin', 'GET', '/api/costs')).json();
    expect(Object.keys(all)).toEqual(expect.arrayContaining(['attacker', 'victim']));

    // The victim's runs left lessons; the same task run by the attacker recalls none of them.
    const victimLessons = (await server.riptide.store.listLessons('victim')).map((lesson) => lesson.text);
    expect(victimLessons.some((text) => text.includes('6 * 7'))).toBe(true);
    const probe = await call('attacker', 'POST', '/run', { task: 'compute 6 * 7', offline: true });
    const recalled = JSON.stringify(probe.json().recalled_lessons);
    for (const text of victimLessons) expect(recalled).not.toContain(text);
  });

  it('keeps saved workflows per tenant', async () => {
    const spec = {
      name: 'secret-plan',
      goal: 'compute 2 + 2',
      mode: 'single',
      nodes: [{ id: 'a', role: 'analyst', subtask: 'compute 2 + 2', label: 'Add' }],
      edges: [],
    };
    expect((await call('victim', 'POST', '/api/workflows', spec)).statusCode).toBe(200);
    expect((await call('victim', 'GET', '/api/workflows')).json()).toEqual(['secret-plan']);
    expect((await call('attacker', 'GET', '/api/workflows')).json()).toEqual([]);
    expect((await call('attacker', 'GET', '/api/workflows/secret-plan')).statusCode).toBe(404);
    expect((await call('attacker', 'DELETE', '/api/workflows/secret-plan')).statusCode).toBe(404);
    const run = await call('attacker', 'POST', '/api/workflows/run', { name: 'secret-plan', offline: true });
    expect(run.statusCode).toBe(404);
    expect((await call('admin', 'GET', '/api/workflows?tenant_id=victim')).json()).toEqual(['secret-plan']);
  });
});
