// Test support: deterministic lessons for the full-text search tests of both backends — common
// words in varying mixes and lengths, and one rare word ('zeppelin') in every 37th.
import type { NewLesson } from '../store.js';

const WORDS = ['cache', 'retry', 'timeout', 'deploy', 'parse', 'schema', 'token', 'budget', 'queue', 'worker'];

export function searchLessonAt(index: number, tenant: string): NewLesson {
  const words = Array.from({ length: 3 + (index % 7) }, (_, offset) => WORDS[(index * 7 + offset * 3) % WORDS.length]);
  if (index % 37 === 0) words.push('zeppelin');
  return {
    tenant_id: tenant,
    text: words.join(' '),
    tags: [WORDS[index % 4]],
    success: true,
    task: `task ${index}`,
    embedding: null,
  };
}
