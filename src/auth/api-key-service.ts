// API key management and verification over the store. A presented key is looked up by its public id
// on every request (a primary-key read, so a revocation anywhere takes effect at once) and its
// secret checked against the salted scrypt hash; the scrypt proof is cached in memory (bounded, short
// TTL) because a per-request KDF would dominate the latency of cheap routes.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { RiptideError } from '../errors/riptide-error.js';
import {
  type ApiKeyCreate,
  type ApiKeyRecord,
  type ApiKeyView,
  apiKeyCreateSchema,
  type CreatedApiKey,
} from '../spec/api-key.js';
import type { Store } from '../store/store.js';
import { generateApiKey, hashSecret, parseApiKey, verifySecret } from './api-key-secret.js';

/** Who a verified key acts as. */
export interface AuthenticatedKey {
  keyId: string;
  tenantId: string;
  admin: boolean;
}

export interface ApiKeyService {
  /** Creates a key; the answer carries the key itself, which is never retrievable again. */
  create(input: ApiKeyCreate): Promise<CreatedApiKey>;
  list(): Promise<ApiKeyView[]>;
  /** Revokes a key (idempotent for a revoked one); throws `unknown_key` (404) for an unknown id. */
  revoke(keyId: string): Promise<ApiKeyView>;
  /** The caller a presented key identifies, or null for a malformed, unknown, revoked or wrong key. */
  authenticate(presented: string): Promise<AuthenticatedKey | null>;
  /** Whether any key was ever created (cached for a moment: it is asked on every request). */
  hasKeys(): Promise<boolean>;
}

export interface ApiKeyServiceOptions {
  store: Store;
  /** How long a verified secret is trusted without re-running scrypt (default 5 minutes). */
  verifiedTtlMs?: number;
  /** How many verified keys are remembered (default 10 000). */
  maxCachedKeys?: number;
  now?: () => Date;
}

const HAS_KEYS_TTL_MS = 2_000;

function view(record: ApiKeyRecord): ApiKeyView {
  const { secret_hash: _hash, ...rest } = record;
  return rest;
}

/** Cache keys are digests of the presented key, so the cache never holds a usable secret. */
function digest(presented: string): string {
  return createHash('sha256').update(presented).digest('base64url');
}

export function createApiKeyService(options: ApiKeyServiceOptions): ApiKeyService {
  const { store, now = () => new Date() } = options;
  // Digest of a presented key → the stored hash it was verified against (a re-created or rotated
  // record has another hash, so a stale proof never matches it).
  const verified = new LRUCache<string, { keyId: string; secretHash: string }>({
    max: options.maxCachedKeys ?? 10_000,
    ttl: options.verifiedTtlMs ?? 5 * 60_000,
  });
  // Wrong secrets for a real key id are remembered briefly, so repeating one costs no scrypt.
  const refused = new LRUCache<string, true>({ max: 10_000, ttl: 60_000 });
  let hasKeys: { value: boolean; at: number } | null = null;

  return {
    async create(input) {
      const { tenant_id, admin, name } = apiKeyCreateSchema.parse(input);
      const generated = generateApiKey();
      const record: ApiKeyRecord = {
        key_id: generated.keyId,
        tenant_id,
        admin,
        name,
        secret_hash: await hashSecret(generated.secret),
        created_at: now().toISOString(),
        revoked_at: null,
      };
      await store.createApiKey(record);
      hasKeys = { value: true, at: Date.now() };
      return { ...view(record), key: generated.key };
    },

    async list() {
      return (await store.listApiKeys()).map(view);
    },

    async revoke(keyId) {
      await store.revokeApiKey(keyId);
      const record = await store.getApiKey(keyId);
      if (!record) throw new RiptideError('unknown_key', `no API key with id '${keyId}'`);
      for (const [cacheKey, entry] of verified.entries()) {
        if (entry.keyId === keyId) verified.delete(cacheKey);
      }
      return view(record);
    },

    async authenticate(presented) {
      const parsed = parseApiKey(presented);
      if (!parsed) return null;
      const record = await store.getApiKey(parsed.keyId);
      if (!record || record.revoked_at !== null) return null;
      const principal = { keyId: record.key_id, tenantId: record.tenant_id, admin: record.admin };
      const cacheKey = digest(presented);
      if (verified.get(cacheKey)?.secretHash === record.secret_hash) return principal;
      if (refused.has(cacheKey)) return null;
      if (!(await verifySecret(parsed.secret, record.secret_hash))) {
        refused.set(cacheKey, true);
        return null;
      }
      verified.set(cacheKey, { keyId: record.key_id, secretHash: record.secret_hash });
      return principal;
    },

    async hasKeys() {
      if (hasKeys && (hasKeys.value || Date.now() - hasKeys.at < HAS_KEYS_TTL_MS)) return hasKeys.value;
      hasKeys = { value: await store.hasApiKeys(), at: Date.now() };
      return hasKeys.value;
    },
  };
}
