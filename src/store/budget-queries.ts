// Budget reservations: before a model call its worst-case cost is reserved against the tenant's
// remaining budget, atomically, so concurrent runs cannot together spend past the ceiling; after the
// call the reservation becomes the actual cost until the run's usage record carries it.
import { sql } from 'kysely';
import { toNumber } from './row-mapping.js';
import type { Store } from './store.js';
import type { StoreContext } from './store-context.js';
import { rolledUpSpend } from './usage-queries.js';

type BudgetQueries = Pick<
  Store,
  'reserveBudget' | 'settleBudget' | 'pendingSpend' | 'threadCharges' | 'recentRunCosts'
>;

export function createBudgetQueries({ db, dialect, now }: StoreContext): BudgetQueries {
  /** Reservations of a tenant whose run has no usage record yet (in flight, or finishing). */
  const pendingQuery = (executor: typeof db, tenantId: string) =>
    executor
      .selectFrom('budget_reservations as r')
      .select((eb) => eb.fn.sum<number>('r.amount_usd').as('total'))
      .where('r.tenant_id', '=', tenantId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('usage as u').select(sql`1`.as('one')).whereRef('u.thread_id', '=', 'r.thread_id'))),
      );

  return {
    async reserveBudget(request) {
      return db.transaction().execute(async (trx) => {
        // PostgreSQL serialises a tenant's reservations with an advisory lock; on SQLite the insert
        // below takes the database's write lock, which holds until commit.
        await dialect.lockTenantBudget(trx, request.tenant_id);
        await trx
          .insertInto('budget_reservations')
          .values({
            id: request.id,
            tenant_id: request.tenant_id,
            thread_id: request.thread_id,
            amount_usd: request.amount_usd,
            kind: request.kind,
            settled: 0,
            created_at: now(),
          })
          .execute();
        const executor = trx as unknown as typeof db;
        const spent = await rolledUpSpend(executor, request.tenant_id);
        let pendingQueryForKind = pendingQuery(executor, request.tenant_id);
        let own = 0;
        if (request.kind === 'call') {
          // A call draws down its own run's admission hold: of its own run, count the calls (settled
          // or in flight) instead of the hold.
          pendingQueryForKind = pendingQueryForKind.where('r.thread_id', '!=', request.thread_id);
          const calls = await executor
            .selectFrom('budget_reservations')
            .select((eb) => eb.fn.sum<number>('amount_usd').as('total'))
            .where('thread_id', '=', request.thread_id)
            .where('kind', '=', 'call')
            .where('id', '!=', request.id)
            .executeTakeFirst();
          own = toNumber(calls?.total);
        }
        const pending = await pendingQueryForKind.executeTakeFirst();
        const othersAndSpent = spent + toNumber(pending?.total) + own;
        // The new row itself is among the pending ones for an admission; not for a call (excluded above).
        const committed = request.kind === 'call' ? othersAndSpent : othersAndSpent - request.amount_usd;
        const committedWithThis = committed + request.amount_usd;
        if (committedWithThis > request.ceiling_usd) {
          await trx.deleteFrom('budget_reservations').where('id', '=', request.id).execute();
          return { reserved: false, committed_usd: committed };
        }
        return { reserved: true, committed_usd: committed };
      });
    },

    async settleBudget(id, actualUsd) {
      await db
        .updateTable('budget_reservations')
        .set({ amount_usd: Math.max(0, actualUsd), settled: 1 })
        .where('id', '=', id)
        .execute();
    },

    async pendingSpend(tenantId) {
      const row = await pendingQuery(db, tenantId).executeTakeFirst();
      return toNumber(row?.total);
    },

    async recentRunCosts(tenantId, limit) {
      const rows = await db
        .selectFrom('usage')
        .select('cost_usd')
        .where('tenant_id', '=', tenantId)
        .where('success', '=', 1)
        .orderBy('created_at', 'desc')
        .limit(Math.max(1, limit))
        .execute();
      return rows.map((row) => toNumber(row.cost_usd));
    },

    async threadCharges(threadId) {
      const row = await db
        .selectFrom('budget_reservations')
        .select((eb) => eb.fn.sum<number>('amount_usd').as('total'))
        .where('thread_id', '=', threadId)
        .where('kind', '=', 'call')
        .where('settled', '=', 1)
        .executeTakeFirst();
      return toNumber(row?.total);
    },
  };
}
