// Memory against a real SQLite store: tenant isolation, hybrid recall, near-duplicate merging,
// consolidation, and the provider-embedding path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../store/sqlite-store.js';
import type { Store } from '../store/store.js';
import { withoutVectorIndex } from '../store/test-support/without-vector-index.js';
import { createMemory } from './create-memory.js';

const ARITHMETIC = {
  tenantId: 'acme',
  threadId: 'thread-1',
  task: 'compute 21 * 2 and explain the result',
  finalAnswer: '42',
  success: true,
  lesson: 'Use the calculator tool for arithmetic and show the expression you evaluated.',
  tags: ['math'],
};

describe('createMemory', () => {
  let directory: string;
  let store: Store;

  beforeEach(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'riptide-'));
    store = await createSqliteStore({ file: path.join(directory, 'riptide.sqlite') });
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('recalls a lesson for a similar task, and not for an unrelated one', async () => {
    const memory = createMemory({ store });
    const stored = await memory.remember(ARITHMETIC);
    await memory.remember({
      ...ARITHMETIC,
      threadId: 'thread-2',
      task: 'summarize the quarterly sales report',
      lesson: 'Keep summaries under five bullet points.',
      tags: ['writing'],
    });

    const recalled = await memory.recall('acme', 'compute 17 * 3 and explain');
    expect(recalled[0].id).toBe(stored.id);
    expect(recalled[0].uses).toBe(1);
    expect((await memory.list('acme')).find((lesson) => lesson.id === stored.id)?.uses).toBe(1);

    const unrelated = await memory.recall('acme', 'plan a weekend hiking trip in the Alps');
    expect(unrelated).toEqual([]);
  });

  it('never recalls one tenant’s lessons for another', async () => {
    const memory = createMemory({ store });
    await memory.remember(ARITHMETIC);
    expect(await memory.recall('acme', ARITHMETIC.task)).toHaveLength(1);
    expect(await memory.recall('globex', ARITHMETIC.task)).toEqual([]);
    expect(await memory.search('globex', 'calculator')).toEqual([]);
    expect(await memory.list('globex')).toEqual([]);
  });

  it('merges a near-duplicate lesson instead of adding a second one', async () => {
    const memory = createMemory({ store });
    const first = await memory.remember(ARITHMETIC);
    const second = await memory.remember({
      ...ARITHMETIC,
      threadId: 'thread-2',
      lesson: 'use the calculator tool for arithmetic, and show the expression you evaluated',
      tags: ['tools'],
    });
    expect(second.id).toBe(first.id);
    const lessons = await memory.list('acme');
    expect(lessons).toHaveLength(1);
    expect(lessons[0].tags).toEqual(['math', 'tools']);
    const episodes = await store.listEpisodes('acme');
    expect(episodes.map((episode) => episode.lesson_id)).toEqual([first.id, first.id]);

    const different = await memory.remember({
      ...ARITHMETIC,
      threadId: 'thread-3',
      lesson: 'Cite a source for every historical date.',
    });
    expect(different.id).not.toBe(first.id);
    expect(await memory.list('acme')).toHaveLength(2);
  });

  it('consolidates near-duplicates and ages out stale failed lessons', async () => {
    const base = { tenant_id: 'acme', tags: ['math'], success: true, task: 'compute', embedding: null };
    const keeper = await store.addLesson({ ...base, text: 'Use the calculator tool for arithmetic.' });
    await store.updateLesson(keeper.id, { uses: 2 });
    const duplicate = await store.addLesson({
      ...base,
      text: 'Use the calculator tool for arithmetic',
      tags: ['tools'],
    });
    await store.addEpisode({
      tenant_id: 'acme',
      thread_id: 'thread-7',
      task: 'compute',
      final_answer: '4',
      success: true,
      lesson_id: duplicate.id,
    });
    const staleFailure = await store.addLesson({ ...base, success: false, text: 'Guessing the weather failed badly.' });
    const usedFailure = await store.addLesson({ ...base, success: false, text: 'Scraping without a timeout hung.' });
    await store.updateLesson(usedFailure.id, { uses: 1 });
    await store.addLesson({ ...base, tenant_id: 'globex', text: 'Use the calculator tool for arithmetic!' });

    const today = createMemory({ store });
    expect(await today.consolidate('acme')).toEqual({ merged: 1, removed: 0 });

    const later = createMemory({ store, now: () => new Date(Date.now() + 40 * 86_400_000) });
    expect(await later.consolidate('acme')).toEqual({ merged: 0, removed: 1 });

    const remaining = await store.listLessons('acme');
    expect(remaining.map((lesson) => lesson.id).sort()).toEqual([keeper.id, usedFailure.id].sort());
    const merged = remaining.find((lesson) => lesson.id === keeper.id);
    expect(merged).toMatchObject({ uses: 2, tags: ['math', 'tools'] });
    expect(remaining.some((lesson) => lesson.id === staleFailure.id)).toBe(false);
    expect((await store.listEpisodes('acme')).map((episode) => episode.lesson_id)).toEqual([keeper.id]);
    expect(await store.listLessons('globex')).toHaveLength(1);
  });

  it('uses provider embeddings when given, and the offline embedding when offline or unavailable', async () => {
    // A stand-in for a provider's embedding endpoint: "distance" words share one direction.
    const embed = async (texts: string[]) =>
      texts.map((text) => (/kilomet|metric|miles|distance/i.test(text) ? [1, 0, 0] : [0, 1, 0]));
    const memory = createMemory({ store, embed });
    const lesson = await memory.remember({
      ...ARITHMETIC,
      task: 'convert 10 miles',
      lesson: 'Prefer metric units in answers.',
      tags: [],
    });
    expect(lesson.embedding).toEqual([1, 0, 0]);

    // No word in common with the lesson: only the dense (provider) ranking can find it.
    expect((await memory.recall('acme', 'how far is Lyon from Paris in kilometres?')).map((l) => l.id)).toEqual([
      lesson.id,
    ]);
    expect(await memory.recall('acme', 'how far is Lyon from Paris in kilometres?', { offline: true })).toEqual([]);

    const unavailable = createMemory({ store, embed: async () => null });
    const offlineLesson = await unavailable.remember({ ...ARITHMETIC, threadId: 'thread-9' });
    expect(offlineLesson.embedding).toHaveLength(256);
  });

  it('rejects an empty lesson and clears a tenant’s memory', async () => {
    const memory = createMemory({ store });
    await expect(memory.remember({ ...ARITHMETIC, lesson: '   ' })).rejects.toThrow(/empty/);
    await memory.remember(ARITHMETIC);
    await memory.remember({ ...ARITHMETIC, tenantId: 'globex' });
    expect(await memory.clear('acme')).toBe(1);
    expect(await memory.list('acme')).toEqual([]);
    expect(await memory.list('globex')).toHaveLength(1);
  });

  it('ranks a small set exactly as the recent-window scan did, and finds a duplicate older than that window', async () => {
    const topics = ['calculator arithmetic', 'weather forecast', 'sales summary', 'unit conversion', 'citations'];
    const verbs = ['use', 'prefer', 'check', 'avoid', 'show'];
    const indexed = createMemory({ store });
    for (let index = 0; index < 60; index += 1) {
      await indexed.remember({
        ...ARITHMETIC,
        threadId: `thread-${index}`,
        task: `${topics[index % 5]} task number ${index}`,
        lesson: `${verbs[(index * 3) % 5]} the ${topics[index % 5]} tool, variant ${index}`,
        tags: [topics[(index + 1) % 5].split(' ')[0]],
      });
    }
    // The same store with its vector index hidden ranks by today's scan of the 500 most recent lessons.
    const windowed = createMemory({ store: withoutVectorIndex(store) });
    for (const query of ['use the calculator', 'weather variant 12', 'how do I convert units?', 'show citations']) {
      const ids = async (memory: typeof indexed) => (await memory.search('acme', query, 10)).map((l) => l.id);
      expect(await ids(indexed)).toEqual(await ids(windowed));
    }

    const oldest = await indexed.remember({ ...ARITHMETIC, tenantId: 'globex' });
    for (let index = 0; index < 505; index += 1) {
      await store.addLesson({
        tenant_id: 'globex',
        text: `filler lesson ${index} about topic ${index * 7}`,
        tags: [],
        success: true,
        task: 'filler',
        embedding: null,
      });
    }
    const again = { ...ARITHMETIC, tenantId: 'globex', lesson: `${ARITHMETIC.lesson.toLowerCase()}!` };
    const missed = await windowed.remember(again);
    expect(missed.id).not.toBe(oldest.id);
    await store.deleteLessons([missed.id]);
    expect((await indexed.remember(again)).id).toBe(oldest.id);
  });
});
