// GET /metrics read back with a Prometheus text-format parser: run counters, latency histogram,
// tokens, cost, queue depth and 4xx counts after real requests, and the admin-key guard.
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';

type Families = ReturnType<typeof parsePrometheusTextFormat>;

const family = (families: Families, name: string) => {
  const found = families.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no metric family ${name}`);
  return found;
};
const sample = (families: Families, name: string, labels: Record<string, string> = {}) =>
  family(families, name).metrics.find((metric) =>
    Object.entries(labels).every(([key, value]) => metric.labels?.[key] === value),
  );

describe('GET /metrics', () => {
  let server: TestServer;
  let families: Families;
  let contentType: string | undefined;
  beforeAll(async () => {
    server = await openTestServer({}, { queueDepth: () => 3 });
    const run = await server.app.inject({
      method: 'POST',
      url: '/run',
      payload: { task: 'compute 21 * 2', memory: false },
    });
    expect(run.statusCode).toBe(200);
    expect((await server.app.inject({ method: 'POST', url: '/run', payload: { task: '' } })).statusCode).toBe(422);
    expect((await server.app.inject('/no-such-route/at-all.json')).statusCode).toBe(404);
    const response = await server.app.inject('/metrics');
    expect(response.statusCode).toBe(200);
    contentType = response.headers['content-type'] as string | undefined;
    families = parsePrometheusTextFormat(response.body);
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers the Prometheus text format', () => {
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(family(families, 'riptide_runs_total').type).toBe('COUNTER');
    expect(family(families, 'riptide_run_duration_seconds').type).toBe('HISTOGRAM');
    expect(family(families, 'riptide_queue_depth').type).toBe('GAUGE');
    expect(family(families, 'process_resident_memory_bytes').type).toBe('GAUGE');
  });

  it('counts the finished run with its latency, tokens and cost', () => {
    expect(
      sample(families, 'riptide_runs_total', { status: 'completed', mode: 'single', success: 'true' })?.value,
    ).toBe('1');
    const latency = sample(families, 'riptide_run_duration_seconds');
    expect(latency?.count).toBe('1');
    expect(Number(latency?.sum)).toBeGreaterThan(0);
    expect(latency?.buckets?.['+Inf']).toBe('1');
    expect(Number(sample(families, 'riptide_tokens_total', { kind: 'prompt' })?.value)).toBeGreaterThan(0);
    expect(Number(sample(families, 'riptide_tokens_total', { kind: 'completion' })?.value)).toBeGreaterThan(0);
    // The offline model is free.
    expect(sample(families, 'riptide_cost_usd_total')?.value).toBe('0');
  });

  it('reports the queue depth from its provider and counts 4xx responses by status', () => {
    expect(sample(families, 'riptide_queue_depth')?.value).toBe('3');
    expect(sample(families, 'riptide_http_errors_total', { class: '4xx', status: '422' })?.value).toBe('1');
    expect(sample(families, 'riptide_http_errors_total', { class: '4xx', status: '404' })?.value).toBe('1');
    expect(sample(families, 'riptide_http_errors_total', { class: '5xx' })).toBeUndefined();
  });
});

describe('GET /metrics with keys required', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer({ RIPTIDE_AUTH: 'required' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('needs an admin key: none is 401, a tenant key 403', async () => {
    const admin = await server.riptide.keys.create({ tenant_id: 'default', admin: true, name: 'ops' });
    const tenant = await server.riptide.keys.create({ tenant_id: 'acme', admin: false, name: 'acme' });
    expect((await server.app.inject('/metrics')).statusCode).toBe(401);
    const asTenant = await server.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${tenant.key}` } });
    expect(asTenant.statusCode).toBe(403);
    const asAdmin = await server.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${admin.key}` } });
    expect(asAdmin.statusCode).toBe(200);
    const families = parsePrometheusTextFormat(asAdmin.body);
    expect(sample(families, 'riptide_queue_depth')?.value).toBe('0');
    expect(sample(families, 'riptide_http_errors_total', { class: '4xx', status: '401' })?.value).toBe('1');
    expect(sample(families, 'riptide_http_errors_total', { class: '4xx', status: '403' })?.value).toBe('1');
  });
});
