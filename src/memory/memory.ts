// The Memory seam: lessons distilled from past runs, recalled into prompts (never raw episodes).
import type { Lesson } from '../store/store.js';

export interface RecallOptions {
  limit?: number;
  offline?: boolean;
  abortSignal?: AbortSignal;
}

export interface Memory {
  /** Top lessons for a task in a tenant's namespace: BM25 + dense vectors fused by reciprocal rank (k=60). */
  recall(tenantId: string, task: string, options?: RecallOptions): Promise<Lesson[]>;
  /** Stores a lesson and its episode; merges into a near-duplicate lesson when one exists. */
  remember(input: {
    tenantId: string;
    threadId: string;
    task: string;
    finalAnswer: string;
    success: boolean;
    lesson: string;
    tags: string[];
    offline?: boolean;
  }): Promise<Lesson>;
  /** Merges near-duplicates and ages out stale failed lessons; returns what changed. */
  consolidate(tenantId: string): Promise<{ merged: number; removed: number }>;
  list(tenantId: string, limit?: number): Promise<Lesson[]>;
  search(tenantId: string, query: string, limit?: number): Promise<Lesson[]>;
  clear(tenantId: string): Promise<number>;
}
