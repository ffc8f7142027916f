import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/riptide-error.js';
import {
  defaultSuitePath,
  loadDefaultSuite,
  loadEvalSuite,
  parseEvalSuite,
  parseEvalSuiteText,
} from './load-eval-suite.js';

function problemsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems;
  }
  throw new Error('expected a validation error');
}

describe('eval suites', () => {
  it('reads the same suite from YAML and JSON, applying defaults', () => {
    const yaml = parseEvalSuiteText(
      'name: s\ntasks:\n  - id: t1\n    prompt: compute 1 + 1\n    expect: { substring: "2" }\n',
    );
    const json = parseEvalSuiteText(
      JSON.stringify({ name: 's', tasks: [{ id: 't1', prompt: 'compute 1 + 1', expect: { substring: '2' } }] }),
    );
    expect(yaml).toEqual(json);
    expect(yaml.tasks[0]).toEqual({
      id: 't1',
      prompt: 'compute 1 + 1',
      tags: [],
      options: {},
      interactive: false,
      repeat: false,
      expect: { substring: '2' },
    });
  });

  it('keeps run options as written and rejects bad ones with their path', () => {
    const suite = parseEvalSuite({ tasks: [{ id: 'a', prompt: 'p', options: { critic: true } }] });
    expect(suite.tasks[0].options).toEqual({ critic: true });
    const problems = problemsOf(() =>
      parseEvalSuite({ tasks: [{ id: 'a', prompt: 'p', options: { vote_k: 99, wat: 1 } }] }, 'my-suite.yaml'),
    );
    expect(problems.some((problem) => problem.startsWith('my-suite.yaml.tasks[0].options'))).toBe(true);
    expect(problems.join('\n')).toMatch(/vote_k/);
    expect(problems.join('\n')).toMatch(/wat/);
  });

  it('names every bad field: ids, unknown expectations, and expectations needing a mode of running', () => {
    const problems = problemsOf(() =>
      parseEvalSuite({
        tasks: [
          { id: 'same', prompt: 'p', expect: { recalled: true } },
          { id: 'same', prompt: 'p', expect: { pending: true, colour: 'red' } },
          { id: '.bad', prompt: '' },
        ],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'suite.tasks[0].expect.recalled: needs `repeat: true`',
        expect.stringMatching(/^suite\.tasks\[1\]\.expect: .*colour/),
        expect.stringMatching(/^suite\.tasks\[2\]\.id: /),
        expect.stringMatching(/^suite\.tasks\[2\]\.prompt: /),
      ]),
    );
  });

  it('reports duplicate task ids and broken text', () => {
    const problems = problemsOf(() =>
      parseEvalSuite({
        tasks: [
          { id: 'a', prompt: 'p' },
          { id: 'a', prompt: 'q' },
        ],
      }),
    );
    expect(problems).toEqual(["suite.tasks[1].id: duplicate task id 'a'"]);
    expect(problemsOf(() => parseEvalSuiteText('tasks: [unclosed', 'x.yaml'))[0]).toMatch(
      /^x\.yaml: not valid JSON or YAML/,
    );
    expect(problemsOf(() => parseEvalSuiteText('tasks: []'))[0]).toMatch(/^suite\.tasks: /);
  });

  it('loads files and says which file could not be read', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
    try {
      const file = path.join(dir, 'suite.json');
      fs.writeFileSync(file, JSON.stringify({ name: 'from-file', tasks: [{ id: 'a', prompt: 'p' }] }));
      expect((await loadEvalSuite(file)).name).toBe('from-file');
      await expect(loadEvalSuite(path.join(dir, 'missing.yaml'))).rejects.toThrow(/missing\.yaml/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bundles a default suite covering every behaviour the gate checks', async () => {
    expect(fs.existsSync(defaultSuitePath())).toBe(true);
    const suite = await loadDefaultSuite();
    const ids = suite.tasks.map((task) => task.id);
    expect(ids).toEqual([
      'single-tool-use',
      'word-counting',
      'swarm-routing',
      'guardrail-blocking',
      'approval-stop',
      'structured-output',
      'critic-exclusion',
      'self-learning-recall',
    ]);
    expect(suite.tasks.find((task) => task.id === 'single-tool-use')).toMatchObject({
      prompt: 'compute 21 * 2',
      expect: { substring: '42', tool: 'calculator' },
    });
  });
});
