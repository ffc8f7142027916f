// Runs and side-effect idempotency records. The two claims are single conditional statements, so
// the database (not our process) decides the one winner even across connections and processes.
import { RiptideError } from '../errors/riptide-error.js';
import { toNumber, toRunRecord, toRunSummary } from './row-mapping.js';
import type { Store } from './store.js';
import type { StoreContext } from './store-context.js';

type RunQueries = Pick<
  Store,
  | 'createRun'
  | 'getRun'
  | 'markRunPending'
  | 'claimResume'
  | 'completeRun'
  | 'failRun'
  | 'listRuns'
  | 'claimSideEffect'
  | 'recordSideEffectOutput'
  | 'getSideEffect'
>;

const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 1000;

export function createRunQueries({ db, now }: StoreContext): RunQueries {
  const unknownRun = (threadId: string) => new RiptideError('unknown_run', `no run with thread id '${threadId}'`);

  return {
    async createRun(run) {
      const timestamp = now();
      await db
        .insertInto('runs')
        .values({
          thread_id: run.thread_id,
          tenant_id: run.tenant_id,
          task: run.task,
          options: JSON.stringify(run.options),
          interactive: run.interactive ? 1 : 0,
          history: JSON.stringify(run.history),
          status: run.status,
          pending_action: run.pending_action === null ? null : JSON.stringify(run.pending_action),
          pending_seq: run.pending_seq,
          result: run.result === null ? null : JSON.stringify(run.result),
          mode: run.result?.mode ?? null,
          session_id: run.session_id,
          workflow_name: run.workflow_name,
          created_at: timestamp,
          updated_at: timestamp,
        })
        .execute();
      return { ...run, created_at: timestamp, updated_at: timestamp };
    },

    async getRun(threadId) {
      const row = await db.selectFrom('runs').selectAll().where('thread_id', '=', threadId).executeTakeFirst();
      return row ? toRunRecord(row) : undefined;
    },

    async markRunPending(threadId, action) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('runs')
          .set((eb) => ({
            status: 'pending',
            pending_action: JSON.stringify(action),
            pending_seq: eb('pending_seq', '+', 1),
            updated_at: now(),
          }))
          .where('thread_id', '=', threadId)
          .executeTakeFirst();
        if (toNumber(updated.numUpdatedRows) === 0) throw unknownRun(threadId);
        const row = await trx
          .selectFrom('runs')
          .select('pending_seq')
          .where('thread_id', '=', threadId)
          .executeTakeFirstOrThrow();
        return toNumber(row.pending_seq);
      });
    },

    async claimResume(threadId, seq) {
      const updated = await db
        .updateTable('runs')
        .set({ status: 'running', pending_action: null, updated_at: now() })
        .where('thread_id', '=', threadId)
        .where('status', '=', 'pending')
        .where('pending_seq', '=', seq)
        .executeTakeFirst();
      return toNumber(updated.numUpdatedRows) === 1;
    },

    async completeRun(threadId, result) {
      const updated = await db
        .updateTable('runs')
        .set({
          status: 'completed',
          result: JSON.stringify(result),
          mode: result.mode,
          pending_action: null,
          updated_at: now(),
        })
        .where('thread_id', '=', threadId)
        .executeTakeFirst();
      if (toNumber(updated.numUpdatedRows) === 0) throw unknownRun(threadId);
    },

    async failRun(threadId, result) {
      const updated = await db
        .updateTable('runs')
        .set({
          status: 'failed',
          result: result === null ? null : JSON.stringify(result),
          mode: result?.mode ?? null,
          pending_action: null,
          updated_at: now(),
        })
        .where('thread_id', '=', threadId)
        .executeTakeFirst();
      if (toNumber(updated.numUpdatedRows) === 0) throw unknownRun(threadId);
    },

    async listRuns(query) {
      const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIST_LIMIT, 1), MAX_LIST_LIMIT);
      let select = db
        .selectFrom('runs')
        .select(['thread_id', 'tenant_id', 'task', 'status', 'mode', 'created_at', 'updated_at', 'pending_action']);
      if (query.tenant_id !== undefined) select = select.where('tenant_id', '=', query.tenant_id);
      if (query.status !== undefined) select = select.where('status', '=', query.status);
      const rows = await select.orderBy('updated_at', 'desc').orderBy('thread_id').limit(limit).execute();
      return rows.map(toRunSummary);
    },

    async claimSideEffect(key, threadId) {
      const inserted = await db
        .insertInto('side_effects')
        .values({ key, thread_id: threadId, output: null, created_at: now() })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .executeTakeFirst();
      return toNumber(inserted.numInsertedOrUpdatedRows) === 1;
    },

    async recordSideEffectOutput(key, output) {
      await db.updateTable('side_effects').set({ output }).where('key', '=', key).execute();
    },

    async getSideEffect(key) {
      return db
        .selectFrom('side_effects')
        .select(['key', 'thread_id', 'output'])
        .where('key', '=', key)
        .executeTakeFirst();
    },
  };
}
