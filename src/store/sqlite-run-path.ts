// The run path on SQLite: libsql statements prepared once per connection and run synchronously, a
// whole transaction (BEGIN … COMMIT) without yielding while holding kysely's connection lock, so no
// other query on the connection can interleave with it (the reads take the lock too, so none sees a
// kysely transaction half done); the query builder's compilation cost more than these small statements.
import type { Kysely, Selectable } from 'kysely';
import type Database from 'libsql';
import type { RunsTable, StoreDatabase } from './database-schema.js';
import {
  CLAIM_QUEUED_RUN,
  FINISH_RUN,
  finishRunValues,
  INSERT_RUN,
  INSERT_RUN_EVENTS,
  INSERT_SESSION_TURN,
  type InsertStatement,
  insertSql,
  QUEUED_RUN_COUNT,
  RUN_EVENT_BATCHES,
  RUN_PROGRESS,
  type RunEventBatchRow,
  type RunProgressRow,
  SAVE_CHECKPOINT,
  saveCheckpointValues,
  type UsageRow,
} from './run-path-sql.js';
import type { RunPathStatements } from './run-path-statements.js';
import { USAGE_WRITES, usageWriteValues } from './usage-rollup-deltas.js';

export function createSqliteRunPath(database: Database.Database, db: Kysely<StoreDatabase>): RunPathStatements {
  // Prepared on first use: the tables exist only once the migrations ran.
  let prepared: ReturnType<typeof prepareAll> | undefined;
  const statements = () => {
    prepared ??= prepareAll(database);
    return prepared;
  };

  /**
   * Runs `work` synchronously under kysely's connection lock, so no kysely query or transaction on
   * the connection interleaves with it. (Running it at once whenever no transaction was open was
   * cheaper, but changed when a write completes relative to other promises, and the background-run
   * cancel test then hung on SQLite.)
   */
  function exclusive<T>(work: () => T): Promise<T> {
    return db.connection().execute(async () => work());
  }

  /** `work` as one transaction (BEGIN … COMMIT, never yielding in between). */
  function transaction<T>(work: (s: ReturnType<typeof prepareAll>) => T): Promise<T> {
    return exclusive(() => {
      const s = statements();
      s.begin.run();
      try {
        const result = work(s);
        s.commit.run();
        return result;
      } catch (error) {
        if (database.inTransaction) s.rollback.run();
        throw error;
      }
    });
  }

  function writeUsage(s: ReturnType<typeof prepareAll>, row: UsageRow) {
    const values = usageWriteValues(row);
    for (let index = 0; index < values.length; index += 1) s.usageWrites[index].run(values[index]);
  }

  return {
    async insertRun(row) {
      await exclusive(() => statements().insertRun.run(INSERT_RUN.values(row)));
    },
    saveCheckpoint(threadId, owner, checkpoint, updatedAt) {
      return exclusive(
        () =>
          statements().saveCheckpoint.run(saveCheckpointValues(threadId, owner, checkpoint, updatedAt)).changes === 1,
      );
    },
    saveCheckpointWithEvents(threadId, owner, checkpoint, updatedAt, events) {
      return transaction((s) => {
        // Events only from the owner: a process that lost the run writes nothing.
        if (s.saveCheckpoint.run(saveCheckpointValues(threadId, owner, checkpoint, updatedAt)).changes !== 1)
          return false;
        s.insertEvents.run(INSERT_RUN_EVENTS.values(events));
        return true;
      });
    },
    claimQueuedRun(threadId, owner, leaseExpiresAt, updatedAt) {
      return exclusive(() => {
        // all(), not get(): the statement runs to its end, so its write is complete when this returns.
        const rows = statements().claimQueuedRun.all([owner, leaseExpiresAt, updatedAt, threadId]);
        return rows[0] as Selectable<RunsTable> | undefined;
      });
    },
    runProgress(threadId, afterSeq) {
      return exclusive(() => statements().runProgress.all([afterSeq, threadId]) as RunProgressRow[]);
    },
    queuedRunCount(tenantId) {
      return exclusive(() => Number((statements().queuedRunCount.get([tenantId]) as { count: number }).count));
    },
    runEventBatches(threadId, afterSeq) {
      return exclusive(() => statements().runEventBatches.all([threadId, afterSeq]) as RunEventBatchRow[]);
    },
    recordUsage(row) {
      return transaction((s) => writeUsage(s, row));
    },
    finishRun(write) {
      return transaction((s) => {
        if (s.finishRun.run(finishRunValues(write)).changes !== 1) return false;
        if (write.events) s.insertEvents.run(INSERT_RUN_EVENTS.values(write.events));
        writeUsage(s, write.usage);
        if (write.sessionTurn) s.insertSessionTurn.run(INSERT_SESSION_TURN.values(write.sessionTurn));
        return true;
      });
    },
  };
}

function prepareAll(database: Database.Database) {
  const insert = (statement: InsertStatement<never>) => database.prepare(insertSql(statement));
  return {
    begin: database.prepare('BEGIN'),
    commit: database.prepare('COMMIT'),
    rollback: database.prepare('ROLLBACK'),
    insertRun: insert(INSERT_RUN),
    saveCheckpoint: database.prepare(SAVE_CHECKPOINT),
    claimQueuedRun: database.prepare(CLAIM_QUEUED_RUN),
    runProgress: database.prepare(RUN_PROGRESS),
    queuedRunCount: database.prepare(QUEUED_RUN_COUNT),
    runEventBatches: database.prepare(RUN_EVENT_BATCHES),
    finishRun: database.prepare(FINISH_RUN),
    insertEvents: insert(INSERT_RUN_EVENTS),
    usageWrites: USAGE_WRITES.map(insert),
    insertSessionTurn: insert(INSERT_SESSION_TURN),
  };
}
