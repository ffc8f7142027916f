import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { createRiptide } from '../../riptide.js';
import type { Riptide } from '../../riptide-types.js';
import { buildServer } from '../build-server.js';

describe('POST /api/eval', { timeout: 120_000 }, () => {
  let dir: string;
  let riptide: Riptide;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
    riptide = await createRiptide(loadConfig({ RIPTIDE_DATA_DIR: dir }));
    app = await buildServer(riptide, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await riptide.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the default suite offline and passes every task, without touching the server’s data', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/eval', payload: { offline: true } });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.results.filter((result: { passed: boolean }) => !result.passed)).toEqual([]);
    expect(report).toMatchObject({
      suite: 'default',
      pass_rate: 1,
      n_total: 8,
      n_passed: 8,
      blocked: 1,
      learning_recall: 1,
    });
    expect(Object.keys(report.results[0]).sort()).toEqual(
      expect.arrayContaining([
        'task_id',
        'passed',
        'mode',
        'blocked',
        'tool_valid_rate',
        'notes',
        'latency_ms',
        'total_tokens',
      ]),
    );
    // Evals never pollute the server's memory, costs or runs.
    expect(await riptide.store.listRuns({})).toEqual([]);
    expect(await riptide.store.costsByTenant()).toEqual({});
    expect(await riptide.store.listLessons('default')).toEqual([]);
  });

  it('runs a suite given in the body and reports its failures', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/eval',
      payload: {
        suite: {
          name: 'mine',
          tasks: [
            { id: 'ok', prompt: 'compute 3 * 3', expect: { substring: '9', tool: 'calculator' } },
            { id: 'bad', prompt: 'compute 3 * 3', expect: { substring: 'ten' } },
          ],
        },
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      suite: 'mine',
      n_passed: 1,
      n_total: 2,
      pass_rate: 0.5,
      results: [
        { task_id: 'ok', passed: true, notes: [] },
        { task_id: 'bad', passed: false, notes: ["answer lacks 'ten'"] },
      ],
    });
  });

  it('answers 422 naming each bad field of an invalid suite', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/eval',
      payload: { suite: { tasks: [{ id: 'x', prompt: 'p', expect: { vibes: 'good' } }, { prompt: '' }] } },
    });
    expect(response.statusCode).toBe(422);
    const detail: string[] = response.json().detail;
    expect(detail.some((problem) => problem.startsWith('body.suite.tasks[0].expect'))).toBe(true);
    expect(detail.some((problem) => problem.startsWith('body.suite.tasks[1].id'))).toBe(true);
    expect(detail.some((problem) => problem.startsWith('body.suite.tasks[1].prompt'))).toBe(true);
  });
});
