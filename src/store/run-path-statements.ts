// The seam between the store's run-path methods and the dialect that runs their statements prepared
// (sqlite-run-path.ts, postgres-run-path.ts). Each method is one atomic write.
import type { Selectable } from 'kysely';
import type { RunsTable } from './database-schema.js';
import type {
  RunEventBatchRow,
  RunEventsRow,
  RunFinishWrite,
  RunProgressRow,
  RunRow,
  UsageRow,
} from './run-path-sql.js';

export interface RunPathStatements {
  insertRun(row: RunRow): Promise<void>;
  /** Replaces the checkpoint of a running run the owner holds; false when it does not. */
  saveCheckpoint(threadId: string, owner: string, checkpoint: string, updatedAt: string): Promise<boolean>;
  /** The checkpoint and the events since the last one, in one transaction; nothing written unless the owner holds the run. */
  saveCheckpointWithEvents(
    threadId: string,
    owner: string,
    checkpoint: string,
    updatedAt: string,
    events: RunEventsRow,
  ): Promise<boolean>;
  /** Claims a queued run for `owner` and returns its row; undefined when it is not queued (another worker won). */
  claimQueuedRun(
    threadId: string,
    owner: string,
    leaseExpiresAt: string,
    updatedAt: string,
  ): Promise<Selectable<RunsTable> | undefined>;
  /** The run's status columns on each of its event batches after `afterSeq` (none: no rows). */
  runProgress(threadId: string, afterSeq: number): Promise<RunProgressRow[]>;
  /** How many of the tenant's runs are `queued`. */
  queuedRunCount(tenantId: string): Promise<number>;
  runEventBatches(threadId: string, afterSeq: number): Promise<RunEventBatchRow[]>;
  /** The usage record and its rollups, in one transaction. */
  recordUsage(row: UsageRow): Promise<void>;
  /** Everything a run's end writes, in one transaction; false (nothing written) when the owner lost the run. */
  finishRun(write: RunFinishWrite): Promise<boolean>;
}
