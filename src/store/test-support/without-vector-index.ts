// Test support: a store with its vector index hidden, so memory ranks dense candidates by the recent
// window as it did before the index existed — the anchor tests and benchmarks compare against.
import type { Store } from '../store.js';

export function withoutVectorIndex(store: Store): Store {
  return {
    ...store,
    nearestLessons: async () => null,
    lessonCandidates: async (tenantId, search) => ({
      text: await store.searchLessonsText(tenantId, search.query, search.textLimit),
      nearest: null,
    }),
  };
}
