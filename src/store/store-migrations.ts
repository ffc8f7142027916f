// Schema migrations, kept in code (no migration files to ship) and run by kysely's Migrator. Every
// query path the store uses has an index here; adding a migration means adding a new key.
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import type { StoreDialect } from './store-dialect.js';
import { usageRollups } from './usage-rollups-migration.js';

function initialSchema(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('runs')
        .addColumn('thread_id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('task', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('interactive', 'integer', (c) => c.notNull())
        .addColumn('history', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('pending_action', 'text')
        .addColumn('pending_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('result', 'text')
        .addColumn('mode', 'text')
        .addColumn('session_id', 'text')
        .addColumn('workflow_name', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('runs_tenant_status_updated')
        .on('runs')
        .columns(['tenant_id', 'status', 'updated_at'])
        .execute();
      await db.schema.createIndex('runs_status_updated').on('runs').columns(['status', 'updated_at']).execute();
      await db.schema.createIndex('runs_updated').on('runs').column('updated_at').execute();

      await db.schema
        .createTable('side_effects')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('thread_id', 'text', (c) => c.notNull())
        .addColumn('output', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await dialect
        .addAutoIncrementId(db.schema.createTable('session_turns'))
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('task', 'text', (c) => c.notNull())
        .addColumn('final_answer', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('blocked', 'integer', (c) => c.notNull())
        .addColumn('thread_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('session_turns_session').on('session_turns').columns(['session_id', 'id']).execute();

      await db.schema
        .createTable('workflows')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('spec', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await dialect
        .addAutoIncrementId(db.schema.createTable('usage'))
        .addColumn('thread_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('task', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('prompt_tokens', 'integer', (c) => c.notNull())
        .addColumn('completion_tokens', 'integer', (c) => c.notNull())
        .addColumn('total_tokens', 'integer', (c) => c.notNull())
        .addColumn('cost_usd', 'double precision', (c) => c.notNull())
        .addColumn('latency_ms', 'double precision', (c) => c.notNull())
        .addColumn('success', 'integer', (c) => c.notNull())
        .addColumn('blocked', 'integer', (c) => c.notNull())
        .addColumn('tool_calls_total', 'integer', (c) => c.notNull())
        .addColumn('tool_calls_valid', 'integer', (c) => c.notNull())
        .addColumn('subtask_count', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // Covering indexes: each aggregate (budget check, costs, by tenant, by mode, daily) reads one
      // index instead of every table row.
      await db.schema
        .createIndex('usage_tenant')
        .on('usage')
        .columns(['tenant_id', 'cost_usd', 'total_tokens', 'blocked', 'prompt_tokens', 'completion_tokens'])
        .execute();
      await db.schema
        .createIndex('usage_mode')
        .on('usage')
        .columns(['mode', 'cost_usd', 'latency_ms', 'success'])
        .execute();
      await db.schema
        .createIndex('usage_created')
        .on('usage')
        .columns(['created_at', 'cost_usd', 'total_tokens'])
        .execute();
      // p95 walks this index with LIMIT 1 OFFSET k instead of sorting every row.
      await db.schema.createIndex('usage_latency').on('usage').column('latency_ms').execute();

      await db.schema
        .createTable('lessons')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('success', 'integer', (c) => c.notNull())
        .addColumn('task', 'text', (c) => c.notNull())
        .addColumn('embedding', 'text')
        .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('lessons_tenant_updated')
        .on('lessons')
        .columns(['tenant_id', 'updated_at'])
        .execute();

      await db.schema
        .createTable('episodes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('thread_id', 'text', (c) => c.notNull())
        .addColumn('task', 'text', (c) => c.notNull())
        .addColumn('final_answer', 'text', (c) => c.notNull())
        .addColumn('success', 'integer', (c) => c.notNull())
        .addColumn('lesson_id', 'text', (c) => c.references('lessons.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('episodes_tenant_created')
        .on('episodes')
        .columns(['tenant_id', 'created_at'])
        .execute();
      await db.schema.createIndex('episodes_lesson').on('episodes').column('lesson_id').execute();

      await dialect.createLessonSearchIndex(db);
    },
  };
}

/** Monitoring totals read a narrow index instead of rows that carry whole task texts. */
const usageTotalsIndex: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createIndex('usage_totals')
      .on('usage')
      .columns(['success', 'blocked', 'latency_ms', 'total_tokens', 'cost_usd', 'tool_calls_total', 'tool_calls_valid'])
      .execute();
  },
};

/**
 * The run core's bookkeeping: run leases and checkpoints (every run ends, even when its process
 * dies), the events of each run, and budget reservations (concurrent runs cannot overspend).
 */
const runCore: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('runs').addColumn('owner', 'text').execute();
    await db.schema.alterTable('runs').addColumn('lease_expires_at', 'text').execute();
    await db.schema.alterTable('runs').addColumn('checkpoint', 'text').execute();
    await db.schema.alterTable('runs').addColumn('resume_input', 'text').execute();
    await db.schema
      .alterTable('runs')
      .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    // Takeover scans running runs by lease; renewal updates one owner's runs. Partial indexes: only
    // running runs are in them, so a finished run leaves them once and writes never touch them again.
    await db.schema
      .createIndex('runs_running_lease')
      .on('runs')
      .column('lease_expires_at')
      .where(sql.ref('status'), '=', sql.lit('running'))
      .execute();
    await db.schema
      .createIndex('runs_running_owner')
      .on('runs')
      .column('owner')
      .where(sql.ref('status'), '=', sql.lit('running'))
      .execute();

    // A run's events, one row per batch (what one invocation, or one node of a durable run, emitted):
    // a run's end writes one row, not one per event.
    await db.schema
      .createTable('run_events')
      .addColumn('thread_id', 'text', (c) => c.notNull())
      .addColumn('first_seq', 'integer', (c) => c.notNull())
      .addColumn('last_seq', 'integer', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('run_events_pk', ['thread_id', 'first_seq'])
      .execute();

    await db.schema
      .createTable('budget_reservations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('thread_id', 'text', (c) => c.notNull())
      .addColumn('amount_usd', 'double precision', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('settled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('budget_reservations_tenant')
      .on('budget_reservations')
      .columns(['tenant_id', 'thread_id'])
      .execute();
    await db.schema.createIndex('budget_reservations_thread').on('budget_reservations').column('thread_id').execute();
    // A reservation stops counting once its run's usage record exists: looked up by thread.
    await db.schema.createIndex('usage_thread').on('usage').column('thread_id').execute();
  },
};

/** API keys: a public id, the tenant and role, and a salted scrypt hash of the secret (never the secret). */
const apiKeys: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('api_keys')
      .addColumn('key_id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('admin', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
  },
};

/**
 * Tenancy for what was global: workflows are keyed by (tenant, name) — the table is rebuilt, every
 * existing workflow going to the `default` tenant — and sessions and usage get indexes for reads
 * scoped to one tenant.
 */
const tenantScopes: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('tenant_workflows')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('tenant_workflows_pk', ['tenant_id', 'name'])
      .execute();
    await db
      .insertInto('tenant_workflows')
      .columns(['tenant_id', 'name', 'spec', 'created_at', 'updated_at'])
      .expression((eb) =>
        eb
          .selectFrom('workflows')
          .select((inner) => [inner.val('default').as('tenant_id'), 'name', 'spec', 'created_at', 'updated_at']),
      )
      .execute();
    await db.schema.dropTable('workflows').execute();
    await db.schema.alterTable('tenant_workflows').renameTo('workflows').execute();
    await db.schema
      .createIndex('session_turns_tenant')
      .on('session_turns')
      .columns(['tenant_id', 'session_id', 'id'])
      .execute();
    await db.schema.createIndex('usage_tenant_created').on('usage').columns(['tenant_id', 'created_at']).execute();
  },
};

/**
 * The run queue: background runs are flagged (a takeover hands them back to the queue instead of
 * failing them) and may name a webhook; queued runs are counted per tenant (fair priorities) and
 * `cursor` pages through the run list.
 */
const runQueue: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('runs')
      .addColumn('background', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('runs').addColumn('webhook', 'text').execute();
    await db.schema
      .createIndex('runs_queued_tenant')
      .on('runs')
      .column('tenant_id')
      .where(sql.ref('status'), '=', sql.lit('queued'))
      .execute();
  },
};

/**
 * Lesson vectors in an ANN index, so recall and the near-duplicate check reach every lesson of a
 * tenant; on a backend without a vector index (PostgreSQL without pgvector) there is nothing to create.
 */
function lessonVectors(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await dialect.lessonVectors?.create(db);
    },
  };
}

export function createStoreMigrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    async getMigrations() {
      return {
        '0001_initial': initialSchema(dialect),
        '0002_usage_totals_index': usageTotalsIndex,
        '0003_run_core': runCore,
        '0004_api_keys': apiKeys,
        '0005_tenant_scopes': tenantScopes,
        '0008_run_queue': runQueue,
        '0009_usage_rollups': usageRollups,
        '0010_lesson_vectors': lessonVectors(dialect),
      };
    },
  };
}
