// Session turns (conversation history per session id, optionally read within one tenant) and saved
// workflow specs (per tenant).
import { asRecordMode } from '../spec/store-records.js';
import { toNumber, toSessionTurnRow } from './row-mapping.js';
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
/** Where workflows saved without a tenant live. */
const DEFAULT_TENANT = 'default';
const DEFAULT_SESSION_LIMIT = 100;

export function createSessionQueries({ db, now }: StoreContext): SessionQueries {
  return {
    async appendSessionTurn(sessionId, tenantId, turn) {
      await db
        .insertInto('session_turns')
        .values(toSessionTurnRow(sessionId, tenantId, turn, now()))
        .execute();
    },

    async getSessionTurns(sessionId, limit = DEFAULT_TURN_LIMIT, tenantId) {
      // The latest `limit` turns, returned oldest first (conversation order).
      let select = db
        .selectFrom('session_turns')
        .select(['task', 'final_answer', 'mode', 'blocked', 'thread_id', 'created_at'])
        .where('session_id', '=', sessionId);
      if (tenantId != null) select = select.where('tenant_id', '=', tenantId);
      const rows = await select.orderBy('id', 'desc').limit(Math.max(limit, 1)).execute();
      return rows
        .reverse()
        .map((row) => ({ ...row, mode: asRecordMode(row.mode), blocked: toNumber(row.blocked) === 1 }));
    },

    async clearSession(sessionId, tenantId) {
      let remove = db.deleteFrom('session_turns').where('session_id', '=', sessionId);
      if (tenantId != null) remove = remove.where('tenant_id', '=', tenantId);
      await remove.execute();
    },

    async listSessions(limit = DEFAULT_SESSION_LIMIT, tenantId) {
      let select = db.selectFrom('session_turns');
      if (tenantId != null) select = select.where('tenant_id', '=', tenantId);
      const groups = await select
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

    async saveWorkflow(name, spec, tenantId = DEFAULT_TENANT) {
      const timestamp = now();
      const text = JSON.stringify(spec);
      await db
        .insertInto('workflows')
        .values({ tenant_id: tenantId, name, spec: text, created_at: timestamp, updated_at: timestamp })
        .onConflict((conflict) =>
          conflict.columns(['tenant_id', 'name']).doUpdateSet({ spec: text, updated_at: timestamp }),
        )
        .execute();
      const row = await db
        .selectFrom('workflows')
        .select(['name', 'spec', 'created_at', 'updated_at'])
        .where('tenant_id', '=', tenantId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return { ...row, spec: JSON.parse(row.spec) };
    },

    async getWorkflow(name, tenantId = DEFAULT_TENANT) {
      const row = await db
        .selectFrom('workflows')
        .select(['name', 'spec', 'created_at', 'updated_at'])
        .where('tenant_id', '=', tenantId)
        .where('name', '=', name)
        .executeTakeFirst();
      return row ? { ...row, spec: JSON.parse(row.spec) } : undefined;
    },

    async listWorkflows(tenantId = DEFAULT_TENANT) {
      const rows = await db
        .selectFrom('workflows')
        .select('name')
        .where('tenant_id', '=', tenantId)
        .orderBy('name')
        .execute();
      return rows.map((row) => row.name);
    },

    async deleteWorkflow(name, tenantId = DEFAULT_TENANT) {
      const deleted = await db
        .deleteFrom('workflows')
        .where('tenant_id', '=', tenantId)
        .where('name', '=', name)
        .executeTakeFirst();
      return toNumber(deleted.numDeletedRows) > 0;
    },
  };
}
