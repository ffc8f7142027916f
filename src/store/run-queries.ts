// Runs (with their leases and checkpoints), run events and side-effect idempotency records. Every
// claim is a single conditional statement, so the database (not our process) decides the one winner
// even across connections and processes.

import { type Kysely, sql } from 'kysely';
import { isToolOutcome, type ToolOutcome } from '../spec/tool-descriptor.js';
import type { StoreDatabase } from './database-schema.js';
import { parseJson, toNumber, toRunEventsRow, toRunRecord, toRunRow, toRunSummary } from './row-mapping.js';
import type { RunEventBatchRow, RunProgressRow } from './run-path-sql.js';
import type { RunEventRecord, RunRecord, RunStatus, Store } from './store.js';
import type { StoreContext } from './store-context.js';

type RunQueries = Pick<
  Store,
  | 'createRun'
  | 'getRun'
  | 'getRunProgress'
  | 'markRunPending'
  | 'claimResume'
  | 'saveRunCheckpoint'
  | 'claimQueuedRun'
  | 'requeueRun'
  | 'cancelRun'
  | 'queuedRunCount'
  | 'listStaleQueuedRuns'
  | 'renewRunLeases'
  | 'claimExpiredRuns'
  | 'completeRun'
  | 'failRun'
  | 'listRuns'
  | 'appendRunEvents'
  | 'listRunEvents'
  | 'claimSideEffect'
  | 'recordSideEffectOutcome'
  | 'getSideEffect'
>;

const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 1000;
const DEFAULT_EVENT_LIMIT = 10_000;

/**
 * A recorded side-effect outcome. Rows written before outcomes were typed hold the tool's plain
 * output text, which is what a successful call recorded.
 */
function storedOutcome(text: string): ToolOutcome {
  try {
    const value: unknown = JSON.parse(text);
    if (isToolOutcome(value)) return value;
  } catch {
    // a plain-text row from an older version
  }
  return { ok: true, output: text };
}

/**
 * Stores a batch of consecutive events as one row. A batch starting where one is already stored
 * (a takeover replaying what an earlier attempt wrote) is skipped; overlaps are resolved on read.
 */
export async function insertEvents(
  executor: Kysely<StoreDatabase>,
  threadId: string,
  events: RunEventRecord[],
  timestamp: string,
): Promise<void> {
  await executor
    .insertInto('run_events')
    .values(toRunEventsRow(threadId, events, timestamp))
    .onConflict((conflict) => conflict.columns(['thread_id', 'first_seq']).doNothing())
    .execute();
}

/**
 * Up to `limit` events after `afterSeq` from batches in order of their first number. Batches are
 * consecutive events; where a replayed batch overlaps, the first stored copy wins.
 */
function eventsOfBatches(rows: RunEventBatchRow[], afterSeq: number, limit: number): RunEventRecord[] {
  const events: RunEventRecord[] = [];
  let next = afterSeq + 1;
  for (const row of rows) {
    const batch = JSON.parse(row.events) as unknown[];
    const first = toNumber(row.first_seq);
    for (let offset = Math.max(0, next - first); offset < batch.length; offset += 1) {
      events.push({ seq: first + offset, event: batch[offset] });
      next = first + offset + 1;
      if (events.length >= limit) return events;
    }
  }
  return events;
}

/**
 * `status = 'running'` as a literal rather than a bound parameter, so the planner can use the partial
 * indexes that hold only running runs.
 */
const RUNNING = sql<boolean>`status = 'running'`;

/** Bookkeeping a finished run no longer needs. */
const FINISHED = { owner: null, lease_expires_at: null, checkpoint: null, resume_input: null, pending_action: null };

export function createRunQueries({ db, runPath, now }: StoreContext): RunQueries {
  return {
    async createRun(run) {
      const timestamp = now();
      await runPath.insertRun(toRunRow(run, timestamp));
      return {
        ...run,
        background: run.background ?? false,
        webhook: run.webhook ?? null,
        pending_action: null,
        pending_seq: 0,
        result: null,
        checkpoint: null,
        resume_input: null,
        attempt: 1,
        created_at: timestamp,
        updated_at: timestamp,
      };
    },

    async getRun(threadId) {
      const row = await db.selectFrom('runs').selectAll().where('thread_id', '=', threadId).executeTakeFirst();
      return row ? toRunRecord(row) : undefined;
    },

    async markRunPending(threadId, owner, action, checkpoint, events = []) {
      return db.transaction().execute(async (trx) => {
        if (events.length > 0) await insertEvents(trx, threadId, events, now());
        const updated = await trx
          .updateTable('runs')
          .set((eb) => ({
            status: 'pending',
            pending_action: JSON.stringify(action),
            pending_seq: eb('pending_seq', '+', 1),
            checkpoint: JSON.stringify(checkpoint),
            resume_input: null,
            owner: null,
            lease_expires_at: null,
            updated_at: now(),
          }))
          .where('thread_id', '=', threadId)
          .where('owner', '=', owner)
          .where('status', '=', 'running')
          .executeTakeFirst();
        if (toNumber(updated.numUpdatedRows) === 0) return undefined;
        const row = await trx
          .selectFrom('runs')
          .select('pending_seq')
          .where('thread_id', '=', threadId)
          .executeTakeFirstOrThrow();
        return toNumber(row.pending_seq);
      });
    },

    async claimResume(threadId, seq, claim) {
      const updated = await db
        .updateTable('runs')
        .set({
          status: 'running',
          pending_action: null,
          resume_input: JSON.stringify(claim.input ?? null),
          owner: claim.owner,
          lease_expires_at: claim.lease_expires_at,
          updated_at: now(),
        })
        .where('thread_id', '=', threadId)
        .where('status', '=', 'pending')
        .where('pending_seq', '=', seq)
        .executeTakeFirst();
      return toNumber(updated.numUpdatedRows) === 1;
    },

    async saveRunCheckpoint(threadId, owner, checkpoint, events = []) {
      const timestamp = now();
      const text = JSON.stringify(checkpoint);
      if (events.length === 0) return runPath.saveCheckpoint(threadId, owner, text, timestamp);
      return runPath.saveCheckpointWithEvents(
        threadId,
        owner,
        text,
        timestamp,
        toRunEventsRow(threadId, events, timestamp),
      );
    },

    async claimQueuedRun(threadId, owner, leaseExpiresAt) {
      const row = await runPath.claimQueuedRun(threadId, owner, leaseExpiresAt, now());
      return row ? toRunRecord(row) : undefined;
    },

    async requeueRun(threadId, owner) {
      const updated = await db
        .updateTable('runs')
        .set((eb) => ({
          status: 'queued',
          owner: null,
          lease_expires_at: null,
          attempt: eb('attempt', '+', 1),
          updated_at: now(),
        }))
        .where('thread_id', '=', threadId)
        .where('owner', '=', owner)
        .where(RUNNING)
        .executeTakeFirst();
      return toNumber(updated.numUpdatedRows) === 1;
    },

    async cancelRun(threadId) {
      const updated = await db
        .updateTable('runs')
        .set({ ...FINISHED, status: 'cancelled', updated_at: now() })
        .where('thread_id', '=', threadId)
        .where('status', 'in', ['queued', 'running', 'pending'])
        .executeTakeFirst();
      return toNumber(updated.numUpdatedRows) === 1;
    },

    async queuedRunCount(tenantId) {
      return runPath.queuedRunCount(tenantId);
    },

    async listStaleQueuedRuns(queuedBefore, limit, after) {
      // A run's updated_at is when it was queued (created or handed back): runs_status_updated serves it.
      let query = db
        .selectFrom('runs')
        .select(['thread_id', 'tenant_id', 'updated_at'])
        .where(sql<boolean>`status = 'queued'`)
        .where('updated_at', '<', queuedBefore);
      if (after) {
        // Keyset paging on the sort key, so a page never repeats or skips a run still queued.
        query = query.where(sql<boolean>`(updated_at, thread_id) > (${after.updated_at}, ${after.thread_id})`);
      }
      return query.orderBy('updated_at').orderBy('thread_id').limit(limit).execute();
    },

    async renewRunLeases(owner, leaseExpiresAt) {
      const updated = await db
        .updateTable('runs')
        .set({ lease_expires_at: leaseExpiresAt })
        .where('owner', '=', owner)
        .where(RUNNING)
        .executeTakeFirst();
      return toNumber(updated.numUpdatedRows);
    },

    async claimExpiredRuns(owner, at, leaseExpiresAt, limit) {
      const candidates = await db
        .selectFrom('runs')
        .select(['thread_id', 'owner'])
        .where(RUNNING)
        .where('lease_expires_at', '<', at)
        .orderBy('lease_expires_at')
        .limit(limit)
        .execute();
      const claimed: RunRecord[] = [];
      for (const candidate of candidates) {
        // Conditional on the previous owner and the expired lease: of two processes taking over at
        // once, exactly one updates the row.
        const updated = await db
          .updateTable('runs')
          .set((eb) => ({
            owner,
            lease_expires_at: leaseExpiresAt,
            attempt: eb('attempt', '+', 1),
            updated_at: now(),
          }))
          .where('thread_id', '=', candidate.thread_id)
          .where('status', '=', 'running')
          .where('lease_expires_at', '<', at)
          .where((eb) => (candidate.owner === null ? eb('owner', 'is', null) : eb('owner', '=', candidate.owner)))
          .executeTakeFirst();
        if (toNumber(updated.numUpdatedRows) !== 1) continue;
        const row = await db
          .selectFrom('runs')
          .selectAll()
          .where('thread_id', '=', candidate.thread_id)
          .executeTakeFirst();
        if (row) claimed.push(toRunRecord(row));
      }
      return claimed;
    },

    async completeRun(threadId, owner, result) {
      const updated = await db
        .updateTable('runs')
        .set({ ...FINISHED, status: 'completed', result: JSON.stringify(result), mode: result.mode, updated_at: now() })
        .where('thread_id', '=', threadId)
        .where('owner', '=', owner)
        .executeTakeFirst();
      return toNumber(updated.numUpdatedRows) === 1;
    },

    async failRun(threadId, owner, result) {
      const updated = await db
        .updateTable('runs')
        .set({
          ...FINISHED,
          status: 'failed',
          result: result === null ? null : JSON.stringify(result),
          mode: result?.mode ?? null,
          updated_at: now(),
        })
        .where('thread_id', '=', threadId)
        .where('owner', '=', owner)
        .executeTakeFirst();
      return toNumber(updated.numUpdatedRows) === 1;
    },

    async listRuns(query) {
      const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIST_LIMIT, 1), MAX_LIST_LIMIT);
      let select = db
        .selectFrom('runs')
        .select(['thread_id', 'tenant_id', 'task', 'status', 'mode', 'created_at', 'updated_at', 'pending_action']);
      if (query.tenant_id !== undefined) select = select.where('tenant_id', '=', query.tenant_id);
      if (query.status !== undefined) select = select.where('status', '=', query.status);
      if (query.cursor !== undefined) {
        const after = await db
          .selectFrom('runs')
          .select(['updated_at', 'thread_id'])
          .where('thread_id', '=', query.cursor)
          .executeTakeFirst();
        // An unknown cursor is an empty page rather than the first page again.
        if (!after) return [];
        select = select.where((eb) =>
          eb.or([
            eb('updated_at', '<', after.updated_at),
            eb.and([eb('updated_at', '=', after.updated_at), eb('thread_id', '>', after.thread_id)]),
          ]),
        );
      }
      const rows = await select.orderBy('updated_at', 'desc').orderBy('thread_id').limit(limit).execute();
      return rows.map(toRunSummary);
    },

    async appendRunEvents(threadId, events) {
      if (events.length > 0) await insertEvents(db, threadId, events, now());
    },

    async listRunEvents(threadId, afterSeq = -1, limit = DEFAULT_EVENT_LIMIT) {
      return eventsOfBatches(await runPath.runEventBatches(threadId, afterSeq), afterSeq, limit);
    },

    async getRunProgress(threadId, afterSeq) {
      const rows = await runPath.runProgress(threadId, afterSeq);
      if (rows.length === 0) return undefined;
      const batches = rows.filter((row): row is RunEventBatchRow & RunProgressRow => row.events !== null);
      const events = eventsOfBatches(batches, afterSeq, DEFAULT_EVENT_LIMIT);
      const [run] = rows;
      return {
        status: run.status as RunStatus,
        pending_action: parseJson(run.pending_action),
        result: parseJson(run.result),
        events,
        truncated: events.length >= DEFAULT_EVENT_LIMIT,
      };
    },
    async claimSideEffect(key, threadId) {
      // Never for a cancelled run: the cancel and the claim are ordered by the database, so no side
      // effect starts after a cancel has been recorded.
      const inserted = await db
        .insertInto('side_effects')
        .columns(['key', 'thread_id', 'output', 'created_at'])
        .expression(
          db
            .selectNoFrom((inner) => [
              inner.val(key).as('key'),
              inner.val(threadId).as('thread_id'),
              sql<null>`NULL`.as('output'),
              inner.val(now()).as('created_at'),
            ])
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('runs')
                    .select('thread_id')
                    .where('thread_id', '=', threadId)
                    .where(sql<boolean>`status = 'cancelled'`),
                ),
              ),
            ),
        )
        .onConflict((conflict) => conflict.column('key').doNothing())
        .executeTakeFirst();
      return toNumber(inserted.numInsertedOrUpdatedRows) === 1;
    },

    async recordSideEffectOutcome(key, outcome) {
      await db
        .updateTable('side_effects')
        .set({ output: JSON.stringify(outcome) })
        .where('key', '=', key)
        .execute();
    },

    async getSideEffect(key) {
      const row = await db
        .selectFrom('side_effects')
        .select(['key', 'thread_id', 'output'])
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        key: row.key,
        thread_id: row.thread_id,
        outcome: row.output === null ? null : storedOutcome(row.output),
      };
    },
  };
}
