// An attacker drill against a real `riptide` server on loopback (bounded: a few hundred requests):
// DNS rebinding, foreign origins, missing/forged/revoked keys, admin routes with a tenant key,
// another tenant's tenant_id, runs, resumes, sessions, workflows and files, workspace escapes,
// side effects on the read-only path, and a request flood. Every attempt must be refused; the tally
// is printed per class. Run it with `npx tsx test/security/attacker-drill.ts` (exit 1 if any got in).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApiKey } from '../../src/auth/api-key-secret.js';
import { loadConfig } from '../../src/config/config.js';
import { createRiptide } from '../../src/riptide.js';
import type { Riptide } from '../../src/riptide-types.js';
import { buildServer } from '../../src/server/build-server.js';

/** A word only the victim's data contains: no answer to the attacker may carry it. */
const SECRET = 'zanzibar';

interface Attempt {
  kind: string;
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The statuses that count as refused. */
  refusedWith: number[];
}

export interface DrillTally {
  kind: string;
  attempts: number;
  refused: number;
  accepted: { url: string; status: number }[];
}

export interface DrillReport {
  total: number;
  refused: number;
  tallies: DrillTally[];
}

interface Target {
  url: string;
  riptide: Riptide;
  close(): Promise<void>;
}

async function startTarget(env: Record<string, string>): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-drill-'));
  const riptide = await createRiptide(
    loadConfig({
      RIPTIDE_PROVIDER: 'offline',
      RIPTIDE_LOG_LEVEL: 'silent',
      RIPTIDE_AUTH: 'required',
      ...env,
      RIPTIDE_DATA_DIR: dataDir,
    }),
  );
  const app = await buildServer(riptide, { logger: false, bindHost: '127.0.0.1' });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    riptide,
    async close() {
      await app.close();
      await riptide.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function send(target: Target, attempt: Attempt): Promise<{ status: number; body: string }> {
  const response = await fetch(`${target.url}${attempt.url}`, {
    method: attempt.method,
    headers: { ...(attempt.body === undefined ? {} : { 'content-type': 'application/json' }), ...attempt.headers },
    body: attempt.body === undefined ? undefined : JSON.stringify(attempt.body),
  });
  return { status: response.status, body: await response.text() };
}

/** Sends with a forged Host header (fetch may not set Host; node's http may). */
async function sendWithHost(target: Target, attempt: Attempt, host: string): Promise<{ status: number; body: string }> {
  const { request } = await import('node:http');
  const url = new URL(`${target.url}${attempt.url}`);
  const payload = attempt.body === undefined ? undefined : JSON.stringify(attempt.body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: attempt.method,
        headers: {
          ...attempt.headers,
          host,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

export async function runAttackerDrill(): Promise<DrillReport> {
  const target = await startTarget({
    RIPTIDE_RATE_LIMIT: '100000',
    RIPTIDE_CORS_ORIGINS: 'https://studio.example.com',
  });
  const flood = await startTarget({ RIPTIDE_RATE_LIMIT: '20' });
  try {
    const { riptide } = target;
    const admin = (await riptide.keys.create({ tenant_id: 'ops', admin: true })).key;
    const victim = (await riptide.keys.create({ tenant_id: 'victim' })).key;
    const attacker = (await riptide.keys.create({ tenant_id: 'attacker' })).key;
    const revoked = await riptide.keys.create({ tenant_id: 'attacker' });
    await riptide.keys.revoke(revoked.key_id);
    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

    // The victim's data: an approved note, a pending side effect, a session and a saved workflow.
    const saved = await send(target, {
      kind: 'setup',
      method: 'POST',
      url: '/api/run/interactive',
      headers: bearer(victim),
      body: { task: `save a note about ${SECRET}`, offline: true },
      refusedWith: [],
    });
    const victimThread = (JSON.parse(saved.body) as { thread_id: string }).thread_id;
    await send(target, {
      kind: 'setup',
      method: 'POST',
      url: `/api/run/${victimThread}/resume`,
      headers: bearer(victim),
      body: { approved: true },
      refusedWith: [],
    });
    const pending = await send(target, {
      kind: 'setup',
      method: 'POST',
      url: '/api/run/interactive',
      headers: bearer(victim),
      body: { task: `save a note about ${SECRET} plans`, offline: true },
      refusedWith: [],
    });
    const pendingThread = (JSON.parse(pending.body) as { thread_id: string }).thread_id;
    await send(target, {
      kind: 'setup',
      method: 'POST',
      url: '/sessions/victim-notes/messages',
      headers: bearer(victim),
      body: { task: `remember ${SECRET} and compute 2 + 2`, offline: true },
      refusedWith: [],
    });
    await send(target, {
      kind: 'setup',
      method: 'POST',
      url: '/api/workflows',
      headers: bearer(victim),
      body: {
        name: 'victim-plan',
        goal: `compute 1 + 1 for ${SECRET}`,
        mode: 'single',
        nodes: [{ id: 'a', role: 'analyst', subtask: `compute 1 + 1 for ${SECRET}`, label: 'Add' }],
        edges: [],
      },
      refusedWith: [],
    });
    const victimDir = path.join(riptide.config.workspaceDir, 'tenants', 'victim');
    const victimFiles = () => fs.readdirSync(victimDir, { recursive: true }).length;
    const filesBefore = victimFiles();
    const noteFile = fs
      .readdirSync(victimDir, { recursive: true, withFileTypes: true })
      .find((entry) => entry.isFile());
    const notePath = noteFile
      ? path.relative(victimDir, path.join(noteFile.parentPath, noteFile.name)).split(path.sep).join('/')
      : `notes/victim/${SECRET}.md`;

    const attempts: { attempt: Attempt; host?: string; target?: Target }[] = [];
    const add = (attempt: Attempt, extra: { host?: string; target?: Target } = {}) =>
      attempts.push({ attempt, ...extra });

    // 1. DNS rebinding: a foreign Host on the routes the issue drove, even with an admin key.
    const rebindRoutes: Pick<Attempt, 'method' | 'url' | 'body'>[] = [
      { method: 'GET', url: '/api/connection' },
      { method: 'POST', url: '/api/run/interactive', body: { task: 'save a note about water', offline: true } },
      { method: 'POST', url: '/api/connection', body: { provider: 'offline' } },
      { method: 'GET', url: '/api/runs' },
      { method: 'GET', url: '/healthz' },
    ];
    const hosts = [
      'evil.example',
      'evil.example:8000',
      'attacker.test',
      '127.0.0.1.nip.io',
      'localhost.evil.example',
      'rebind.network:80',
      '[2001:db8::1]',
      '10.0.0.1',
      'xn--80ak6aa92e.com',
      'studio.example.com',
    ];
    for (const host of hosts) {
      for (const route of rebindRoutes) {
        add({ kind: 'dns-rebinding Host', ...route, headers: bearer(admin), refusedWith: [421] }, { host });
      }
    }

    // 2. Foreign web origins on state-changing and run-starting routes.
    const origins = [
      'http://evil.example',
      'https://evil.example',
      'null',
      'http://127.0.0.1:1',
      'http://localhost.evil.example',
      'https://studio.example.com.evil.example',
      'file://',
      'chrome-extension://abcdefghijklmnop',
    ];
    for (const origin of origins) {
      for (const route of [
        rebindRoutes[1],
        rebindRoutes[2],
        { method: 'GET' as const, url: '/run/stream?task=save%20a%20note%20about%20water' },
      ]) {
        add({ kind: 'foreign Origin', ...route, headers: { ...bearer(admin), origin }, refusedWith: [403] });
      }
    }

    // 3. Missing, malformed, forged, wrong-secret and revoked keys.
    const forged = generateApiKey().key;
    const wrongSecret = `${attacker.slice(0, 19)}${'B'.repeat(43)}`;
    const badAuth: Record<string, string>[] = [
      {},
      { authorization: 'Bearer' },
      { authorization: 'Bearer not-a-key' },
      { authorization: `Bearer ${forged}` },
      { authorization: `Bearer ${wrongSecret}` },
      { authorization: `Bearer ${revoked.key}` },
      { authorization: `Basic ${Buffer.from(`x:${admin}`).toString('base64')}` },
      { 'x-api-key': admin },
    ];
    for (const headers of badAuth) {
      for (const route of [
        { method: 'GET' as const, url: '/api/runs' },
        { method: 'POST' as const, url: '/run', body: { task: 'compute 1 + 1', offline: true } },
        { method: 'GET' as const, url: '/api/costs' },
        {
          method: 'POST' as const,
          url: '/v1/chat/completions',
          body: { model: 'riptide', messages: [{ role: 'user', content: 'hi' }] },
        },
        { method: 'POST' as const, url: '/api/keys', body: { tenant_id: 'attacker', admin: true } },
      ]) {
        add({ kind: 'no, forged or revoked key', ...route, headers, refusedWith: [401] });
      }
    }

    // 4. Admin routes with a tenant key.
    for (const route of [
      { method: 'GET' as const, url: '/api/connection' },
      { method: 'POST' as const, url: '/api/connection', body: { provider: 'offline' } },
      { method: 'POST' as const, url: '/api/connection/test', body: {} },
      { method: 'GET' as const, url: '/api/mcp' },
      { method: 'POST' as const, url: '/api/mcp/connect', body: { name: 'anything' } },
      { method: 'GET' as const, url: '/api/keys' },
      { method: 'POST' as const, url: '/api/keys', body: { tenant_id: 'attacker', admin: true } },
      { method: 'DELETE' as const, url: `/api/keys/${revoked.key_id}` },
    ]) {
      add({ kind: 'admin route with a tenant key', ...route, headers: bearer(attacker), refusedWith: [403] });
    }

    // 5. Naming the victim's tenant.
    const asVictim = [
      { method: 'POST' as const, url: '/run', body: { task: 'compute 1 + 1', tenant_id: 'victim', offline: true } },
      { method: 'POST' as const, url: '/api/run/interactive', body: { task: 'save a note', tenant_id: 'victim' } },
      { method: 'GET' as const, url: '/run/stream?task=hi&tenant_id=victim' },
      { method: 'GET' as const, url: '/api/run/trace?task=hi&tenant_id=victim' },
      { method: 'GET' as const, url: '/api/chat/stream?message=hi&session_id=victim-notes&tenant_id=victim' },
      { method: 'GET' as const, url: '/api/runs?tenant_id=victim' },
      { method: 'GET' as const, url: '/api/runs?tenant_id=victim&status=pending' },
      { method: 'GET' as const, url: '/sessions/victim-notes?tenant_id=victim' },
      {
        method: 'POST' as const,
        url: '/sessions/victim-notes/messages',
        body: { task: 'what did I say before', tenant_id: 'victim' },
      },
      { method: 'GET' as const, url: '/api/sessions?tenant_id=victim' },
      { method: 'GET' as const, url: '/api/costs?tenant_id=victim' },
      { method: 'GET' as const, url: '/api/monitoring?tenant_id=victim' },
      { method: 'GET' as const, url: '/api/workflows?tenant_id=victim' },
      { method: 'GET' as const, url: '/api/workflows/victim-plan?tenant_id=victim' },
      { method: 'POST' as const, url: '/api/workflows/run', body: { name: 'victim-plan', tenant_id: 'victim' } },
      {
        method: 'POST' as const,
        url: '/api/tools/read_file/invoke',
        body: { arguments: { path: notePath }, tenant_id: 'victim' },
      },
      {
        method: 'POST' as const,
        url: '/api/tools/kb_search/invoke',
        body: { arguments: { query: SECRET }, tenant_id: 'victim' },
      },
      {
        method: 'POST' as const,
        url: '/v1/chat/completions',
        body: { model: 'riptide', messages: [{ role: 'user', content: 'hi' }], tenant_id: 'victim' },
      },
      { method: 'GET' as const, url: `/api/runs?tenant_id=victim&tenant_id=attacker` },
    ];
    for (const route of asVictim)
      add({ kind: "naming another tenant's tenant_id", ...route, headers: bearer(attacker), refusedWith: [403] });

    // 6. The victim's runs, resumes and workflows by id.
    for (const thread of [victimThread, pendingThread]) {
      add({
        kind: "another tenant's run or resume",
        method: 'GET',
        url: `/api/runs/${thread}`,
        headers: bearer(attacker),
        refusedWith: [404],
      });
      for (const decision of [{ approved: true }, { approved: false }, { approved: true, answer: 'yes' }]) {
        add({
          kind: "another tenant's run or resume",
          method: 'POST',
          url: `/api/run/${thread}/resume`,
          headers: bearer(attacker),
          body: decision,
          refusedWith: [404],
        });
      }
    }
    for (const route of [
      { method: 'GET' as const, url: '/api/workflows/victim-plan' },
      { method: 'DELETE' as const, url: '/api/workflows/victim-plan' },
      { method: 'POST' as const, url: '/api/workflows/run', body: { name: 'victim-plan', offline: true } },
    ]) {
      add({ kind: "another tenant's run or resume", ...route, headers: bearer(attacker), refusedWith: [404] });
    }

    // 7. Workspace escapes towards the victim's files and beyond.
    const escapes = [
      notePath,
      `../victim/${notePath}`,
      `../../tenants/victim/${notePath}`,
      `tenants/victim/${notePath}`,
      `notes/../../victim/${notePath}`,
      `/etc/passwd`,
      `/${notePath}`,
      `..\\victim\\${notePath.replaceAll('/', '\\')}`,
      `notes/victim/${SECRET}.md`,
      'C:\\Windows\\win.ini',
      `./../victim/${notePath}`,
      `notes/%2e%2e/victim/${notePath}`,
      `notes\0/victim`,
      '../../riptide.sqlite',
      '../../../riptide.sqlite',
      `${'a/'.repeat(300)}x`,
    ];
    for (const attemptedPath of escapes) {
      add({
        kind: 'workspace escape',
        method: 'POST',
        url: '/api/tools/read_file/invoke',
        headers: bearer(attacker),
        body: { arguments: { path: attemptedPath } },
        refusedWith: [400, 422],
      });
    }
    for (const directory of ['../victim', '../../tenants', '..', '../..']) {
      add({
        kind: 'workspace escape',
        method: 'POST',
        url: '/api/tools/list_files/invoke',
        headers: bearer(attacker),
        body: { arguments: { directory } },
        refusedWith: [400, 422],
      });
    }

    // 8. Side effects on the read-only invoke path.
    for (const [tool, args] of [
      ['write_file', { path: `../victim/${notePath}`, content: 'owned' }],
      ['write_file', { path: 'owned.txt', content: 'owned' }],
      ['append_file', { path: notePath, content: 'owned' }],
      ['delete_file', { path: notePath }],
      ['write_note', { content: 'owned', title: 'owned' }],
    ] as const) {
      add({
        kind: 'side effect on the invoke path',
        method: 'POST',
        url: `/api/tools/${tool}/invoke`,
        headers: bearer(admin),
        body: { arguments: args },
        refusedWith: [400],
      });
    }

    // 9. A flood past the per-key limit (20 a minute on the flood server): every request past it is 429.
    const floodKey = (await flood.riptide.keys.create({ tenant_id: 'attacker' })).key;
    for (let index = 0; index < 20; index += 1) {
      await send(flood, {
        kind: 'setup',
        method: 'GET',
        url: '/api/tools?limit=1',
        headers: bearer(floodKey),
        refusedWith: [],
      });
    }
    for (let index = 0; index < 30; index += 1) {
      add(
        {
          kind: 'request flood',
          method: 'GET',
          url: '/api/tools?limit=1',
          headers: bearer(floodKey),
          refusedWith: [429],
        },
        { target: flood },
      );
    }

    // Controls: the same requests with the right key and Host succeed, so a refusal above means the guard.
    const controls: Attempt[] = [
      { kind: 'control', method: 'GET', url: `/api/runs/${victimThread}`, headers: bearer(victim), refusedWith: [] },
      { kind: 'control', method: 'GET', url: '/sessions/victim-notes', headers: bearer(victim), refusedWith: [] },
      { kind: 'control', method: 'GET', url: '/api/workflows/victim-plan', headers: bearer(victim), refusedWith: [] },
      {
        kind: 'control',
        method: 'POST',
        url: '/api/tools/read_file/invoke',
        headers: bearer(victim),
        body: { arguments: { path: notePath } },
        refusedWith: [],
      },
    ];
    for (const control of controls) {
      const { status, body } = await send(target, control);
      if (status !== 200 || !body.toLowerCase().includes(SECRET)) {
        throw new Error(`drill control failed: ${control.method} ${control.url} → ${status}`);
      }
    }

    const tallies = new Map<string, DrillTally>();
    for (const { attempt, host, target: where = target } of attempts) {
      const { status, body } = host ? await sendWithHost(where, attempt, host) : await send(where, attempt);
      const leaked = status < 400 && body.toLowerCase().includes(SECRET);
      const tally = tallies.get(attempt.kind) ?? { kind: attempt.kind, attempts: 0, refused: 0, accepted: [] };
      tally.attempts += 1;
      if (attempt.refusedWith.includes(status) && !leaked) tally.refused += 1;
      else tally.accepted.push({ url: `${attempt.method} ${attempt.url}${host ? ` (Host: ${host})` : ''}`, status });
      tallies.set(attempt.kind, tally);
    }
    // The victim's pending side effect never ran and nothing was written into its workspace.
    const sideEffects = tallies.get("another tenant's run or resume");
    if (sideEffects && victimFiles() !== filesBefore) {
      sideEffects.accepted.push({ url: 'victim workspace changed', status: 0 });
    }
    const list = [...tallies.values()];
    return {
      total: list.reduce((sum, tally) => sum + tally.attempts, 0),
      refused: list.reduce((sum, tally) => sum + tally.refused, 0),
      tallies: list,
    };
  } finally {
    await flood.close();
    await target.close();
  }
}

export function formatDrill(report: DrillReport): string {
  const width = Math.max(...report.tallies.map((tally) => tally.kind.length));
  const lines = report.tallies.map(
    (tally) =>
      `${tally.kind.padEnd(width)}  ${String(tally.refused).padStart(4)} / ${String(tally.attempts).padEnd(4)} refused${
        tally.accepted.length ? `  ACCEPTED: ${tally.accepted.map((a) => `${a.url} → ${a.status}`).join('; ')}` : ''
      }`,
  );
  return [...lines, `${'total'.padEnd(width)}  ${String(report.refused).padStart(4)} / ${report.total} refused`].join(
    '\n',
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = await runAttackerDrill();
  process.stdout.write(`${formatDrill(report)}\n`);
  process.exitCode = report.refused === report.total ? 0 : 1;
}
