// The seam between the store's run-path methods and the dialect that runs their statements prepared
// (sqlite-run-path.ts, postgres-run-path.ts). Each method is one atomic write.
import type { RunFinishWrite, RunRow, UsageRow } from './run-path-sql.js';

export interface RunPathStatements {
  insertRun(row: RunRow): Promise<void>;
  /** Replaces the checkpoint of a running run the owner holds; false when it does not. */
  saveCheckpoint(threadId: string, owner: string, checkpoint: string, updatedAt: string): Promise<boolean>;
  /** The usage record and its rollups, in one transaction. */
  recordUsage(row: UsageRow): Promise<void>;
  /** Everything a run's end writes, in one transaction; false (nothing written) when the owner lost the run. */
  finishRun(write: RunFinishWrite): Promise<boolean>;
}
