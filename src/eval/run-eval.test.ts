import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, type RiptideConfig } from '../config/config.js';
import { createRiptide } from '../riptide.js';
import { loadDefaultSuite, parseEvalSuite } from './load-eval-suite.js';
import { runEval } from './run-eval.js';

describe('runEval', { timeout: 120_000 }, () => {
  it('passes the default suite offline, each task in its own throwaway data directory', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
    const config = loadConfig({ RIPTIDE_DATA_DIR: path.join(home, 'user-data') });
    const dataDirs: string[] = [];
    const progress: string[] = [];
    try {
      const suite = await loadDefaultSuite();
      const report = await runEval(suite, {
        offline: true,
        config,
        onProgress: ({ done, total, result }) => progress.push(`${done}/${total} ${result.task_id}`),
        build: (taskConfig: RiptideConfig) => {
          dataDirs.push(taskConfig.dataDir);
          return createRiptide(taskConfig);
        },
      });
      const failures = report.results.filter((result) => !result.passed);
      expect(failures).toEqual([]);
      expect(report).toMatchObject({ pass_rate: 1, n_passed: suite.tasks.length, n_total: suite.tasks.length });
      expect(report.results.map((result) => result.task_id)).toEqual(suite.tasks.map((task) => task.id));
      expect(report.blocked).toBe(1);
      expect(report.learning_recall).toBe(1);
      expect(report.modes.swarm).toBeGreaterThanOrEqual(1);
      expect(report.modes.pending).toBe(1);
      expect(report.modes.blocked).toBe(1);
      const single = report.results.find((result) => result.task_id === 'single-tool-use')!;
      expect(single).toMatchObject({ mode: 'single', tool_valid_rate: 1, notes: [] });
      expect(single.total_tokens).toBeGreaterThan(0);
      expect(single.latency_ms).toBeGreaterThan(0);
      expect(progress).toEqual(suite.tasks.map((task, index) => `${index + 1}/${suite.tasks.length} ${task.id}`));

      // Isolation: one fresh directory per task, all removed; the user's data directory never created.
      expect(new Set(dataDirs).size).toBe(suite.tasks.length);
      expect(dataDirs.every((dir) => !dir.startsWith(home) && !fs.existsSync(dir))).toBe(true);
      expect(fs.existsSync(config.dataDir)).toBe(false);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('fails tasks whose expectations are not met, with notes, and keeps going after a task throws', async () => {
    const suite = parseEvalSuite({
      name: 'failing',
      tasks: [
        { id: 'wrong-answer', prompt: 'compute 21 * 2', expect: { substring: '43', mode: 'swarm' } },
        { id: 'no-stop', prompt: 'compute 1 + 1', interactive: true, expect: { pending: true } },
        { id: 'fine', prompt: 'compute 2 + 2', expect: { substring: '4' } },
      ],
    });
    let built = 0;
    const report = await runEval(suite, {
      config: loadConfig({ RIPTIDE_DATA_DIR: path.join(os.tmpdir(), 'riptide-never-created') }),
      build: async (taskConfig) => {
        built += 1;
        if (built === 2) throw new Error('could not open the database');
        return createRiptide(taskConfig);
      },
    });
    expect(report.results.map((result) => [result.task_id, result.passed, result.mode])).toEqual([
      ['wrong-answer', false, 'single'],
      ['no-stop', false, 'error'],
      ['fine', true, 'single'],
    ]);
    expect(report.results[0].notes).toEqual(["answer lacks '43'", 'mode is single, expected swarm']);
    expect(report.results[1].notes).toEqual(['error: could not open the database']);
    expect(report).toMatchObject({ n_passed: 1, n_total: 3, learning_recall: null });
    expect(report.pass_rate).toBeCloseTo(1 / 3);
  });
});
