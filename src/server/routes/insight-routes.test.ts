import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from '../test-support/open-test-server.js';

describe('insight routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await openTestServer({ RIPTIDE_TENANT_BUDGETS: '{"capped":5,"unused":2}' });
    for (const tenant_id of ['capped', 'free']) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/run',
        payload: { task: 'compute 6 * 7', tenant_id, memory: false },
      });
      expect(response.statusCode).toBe(200);
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it('GET /api/costs merges spend with budgets per tenant', async () => {
    const response = await server.app.inject('/api/costs');
    expect(response.statusCode).toBe(200);
    const costs = response.json();
    expect(costs.capped).toMatchObject({ runs: 1, budget_usd: 5, blocked: 0 });
    expect(costs.capped.remaining_usd).toBeCloseTo(5 - costs.capped.cost_usd);
    expect(costs.capped.total_tokens).toBe(costs.capped.prompt_tokens + costs.capped.completion_tokens);
    expect(costs.free).toMatchObject({ runs: 1, budget_usd: null, remaining_usd: null });
    expect(costs.unused).toEqual({
      runs: 0,
      prompt_tokens: 0,
      completion_tokens: 0,
      total_tokens: 0,
      cost_usd: 0,
      blocked: 0,
      budget_usd: 2,
      remaining_usd: 2,
    });
  });

  it('GET /api/monitoring answers the aggregates', async () => {
    const response = await server.app.inject('/api/monitoring');
    expect(response.statusCode).toBe(200);
    const monitoring = response.json();
    expect(monitoring.totals).toMatchObject({ runs: 2, blocked: 0 });
    expect(Object.keys(monitoring.by_tenant).sort()).toEqual(['capped', 'free']);
    expect(monitoring.daily.length).toBeGreaterThan(0);
    expect(monitoring.recent).toHaveLength(2);
    expect(monitoring.recent[0]).toMatchObject({ task: 'compute 6 * 7', success: true });
  });
});
