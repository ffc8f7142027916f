// API key records: create, look up by public id (the one query every authenticated request makes,
// a primary-key read), list and revoke. Secrets never reach the store, only their salted hashes.
import type { Selectable } from 'kysely';
import type { ApiKeysTable } from './database-schema.js';
import { toNumber } from './row-mapping.js';
import type { ApiKeyRecord, Store } from './store.js';
import type { StoreContext } from './store-context.js';

type KeyQueries = Pick<Store, 'createApiKey' | 'getApiKey' | 'listApiKeys' | 'revokeApiKey' | 'hasApiKeys'>;

function toApiKeyRecord(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    key_id: row.key_id,
    tenant_id: row.tenant_id,
    admin: toNumber(row.admin) === 1,
    name: row.name,
    secret_hash: row.secret_hash,
    created_at: row.created_at,
    revoked_at: row.revoked_at,
  };
}

export function createKeyQueries({ db, now }: StoreContext): KeyQueries {
  return {
    async createApiKey(record) {
      await db
        .insertInto('api_keys')
        .values({
          key_id: record.key_id,
          tenant_id: record.tenant_id,
          admin: record.admin ? 1 : 0,
          name: record.name,
          secret_hash: record.secret_hash,
          created_at: record.created_at,
          revoked_at: record.revoked_at,
        })
        .execute();
    },

    async getApiKey(keyId) {
      const row = await db.selectFrom('api_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
      return row ? toApiKeyRecord(row) : undefined;
    },

    async listApiKeys() {
      const rows = await db
        .selectFrom('api_keys')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('key_id')
        .execute();
      return rows.map(toApiKeyRecord);
    },

    async revokeApiKey(keyId) {
      const updated = await db
        .updateTable('api_keys')
        .set({ revoked_at: now() })
        .where('key_id', '=', keyId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return toNumber(updated.numUpdatedRows) === 1;
    },

    async hasApiKeys() {
      const row = await db.selectFrom('api_keys').select('key_id').limit(1).executeTakeFirst();
      return row !== undefined;
    },
  };
}
