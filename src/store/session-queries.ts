// Session turns (conversation history per session id) and saved workflow specs.
import { asRecordMode } from '../spec/store-records.js';
import { toNumber } from './row-mapping.js';
import type { Store } from './store.js';
import type { StoreContext } from './store-context.js';

type SessionQueries = Pick<
  Store,
  | 'appendSessionTurn'
  | 'getSessionTurns'
  | 'clearSession'
  | 'listSessions'
  | 'saveWorkflow'
  | 'getWorkflow'
  | 'listWorkflows'
  | 'deleteWorkflow'
>;

const DEFAULT_TURN_LIMIT = 200;
const DEFAULT_SESSION_LIMIT = 100;

export function createSessionQueries({ db, now }: StoreContext): SessionQueries {
  return {
    async appendSessionTurn(sessionId, tenantId, turn) {
      await db
        .insertInto('session_turns')
        .values({
          session_id: sessionId,
          tenant_id: tenantId,
          task: turn.task,
          final_answer: turn.final_answer,
          mode: turn.mode,
          blocked: turn.blocked ? 1 : 0,
          thread_id: turn.thread_id,
          created_at: now(),
        })
        .execute();
    },

    async getSessionTurns(sessionId, limit = DEFAULT_TURN_LIMIT) {
      // The latest `limit` turns, returned oldest first (conversation order).
      const rows = await db
        .selectFrom('session_turns')
        .select(['task', 'final_answer', 'mode', 'blocked', 'thread_id', 'created_at'])
        .where('session_id', '=', sessionId)
        .orderBy('id', 'desc')
        .limit(Math.max(limit, 1))
        .execute();
      return rows
        .reverse()
        .map((row) => ({ ...row, mode: asRecordMode(row.mode), blocked: toNumber(row.blocked) === 1 }));
    },

    async clearSession(sessionId) {
      await db.deleteFrom('session_turns').where('session_id', '=', sessionId).execute();
    },

    async listSessions(limit = DEFAULT_SESSION_LIMIT) {
      const groups = await db
        .selectFrom('session_turns')
        .select((eb) => [
          'session_id',
          eb.fn.countAll().as('turns'),
          eb.fn.max('id').as('last_id'),
          eb.fn.max('created_at').as('updated_at'),
        ])
        .groupBy('session_id')
        .orderBy('last_id', 'desc')
        .limit(Math.max(limit, 1))
        .execute();
      if (groups.length === 0) return [];
      const lastTurns = await db
        .selectFrom('session_turns')
        .select(['id', 'task'])
        .where(
          'id',
          'in',
          groups.map((group) => toNumber(group.last_id)),
        )
        .execute();
      const taskById = new Map(lastTurns.map((turn) => [toNumber(turn.id), turn.task]));
      return groups.map((group) => ({
        session_id: group.session_id,
        turns: toNumber(group.turns),
        last_task: taskById.get(toNumber(group.last_id)) ?? '',
        updated_at: String(group.updated_at),
      }));
    },

    async saveWorkflow(name, spec) {
      const timestamp = now();
      const text = JSON.stringify(spec);
      await db
        .insertInto('workflows')
        .values({ name, spec: text, created_at: timestamp, updated_at: timestamp })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ spec: text, updated_at: timestamp }))
        .execute();
      const row = await db.selectFrom('workflows').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
      return { ...row, spec: JSON.parse(row.spec) };
    },

    async getWorkflow(name) {
      const row = await db.selectFrom('workflows').selectAll().where('name', '=', name).executeTakeFirst();
      return row ? { ...row, spec: JSON.parse(row.spec) } : undefined;
    },

    async listWorkflows() {
      const rows = await db.selectFrom('workflows').select('name').orderBy('name').execute();
      return rows.map((row) => row.name);
    },

    async deleteWorkflow(name) {
      const deleted = await db.deleteFrom('workflows').where('name', '=', name).executeTakeFirst();
      return toNumber(deleted.numDeletedRows) > 0;
    },
  };
}
