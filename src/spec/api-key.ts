// API keys and the caller they identify: the stored record (never the secret), what creating a key
// answers (the secret, shown once), and what /api/whoami tells a client about itself.
import { z } from 'zod';
import { identifierSchema } from './identifier.js';

/** A key is `rt_` + a 16-hex-digit public id + 43 base64url characters of secret (32 random bytes). */
export const API_KEY_PATTERN = /^rt_([0-9a-f]{16})([A-Za-z0-9_-]{43})$/;

export const keyIdSchema = z
  .string()
  .regex(/^[0-9a-f]{16}$/, 'must be the 16 hexadecimal digits of a key id')
  .describe('The public id of an API key (the 16 hex digits after `rt_`)');

/** A key as it is stored and listed: who it acts as, never its secret or hash. */
export const apiKeyViewSchema = z.object({
  key_id: keyIdSchema,
  tenant_id: z.string().describe('The tenant the key acts as'),
  admin: z.boolean().describe('Admin keys may name any tenant and manage connections, MCP and keys'),
  name: z.string().describe('A label for people'),
  created_at: z.string(),
  revoked_at: z.string().nullable().describe('When the key was revoked; null while it is active'),
});
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

/** The stored record: the view plus the salted scrypt hash of the secret. */
export interface ApiKeyRecord extends ApiKeyView {
  /** `scrypt$N$r$p$<salt base64url>$<hash base64url>`. */
  secret_hash: string;
}

export const apiKeyCreateSchema = z.object({
  tenant_id: identifierSchema.default('default').describe('The tenant the key acts as (default "default")'),
  admin: z.boolean().default(false).describe('An admin key (default false)'),
  name: z.string().max(200).default('').describe('A label for people, e.g. who holds the key'),
});
export type ApiKeyCreate = z.input<typeof apiKeyCreateSchema>;

export const createdApiKeySchema = apiKeyViewSchema
  .extend({
    key: z.string().describe('The API key itself: shown this once and never again (the server keeps only a hash)'),
  })
  .describe('A new key. Send it as `Authorization: Bearer <key>`.');
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

/** Who a request acts as. With auth off every caller is an admin of every tenant. */
export const whoamiSchema = z.object({
  auth: z.enum(['required', 'off']).describe('Whether this server asks every request for an API key'),
  key_id: keyIdSchema.nullable().describe('The key the request was made with (null with auth off)'),
  tenant_id: z.string().nullable().describe("The key's tenant; null with auth off (any tenant may be named)"),
  admin: z.boolean().describe('Whether the caller may use the admin routes (connection, MCP, keys)'),
});
export type Whoami = z.infer<typeof whoamiSchema>;
