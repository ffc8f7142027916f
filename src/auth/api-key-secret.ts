// The secret half of API keys: generating them (`rt_` + a public 16-hex-digit id + 32 random bytes
// base64url), parsing what a client sends, and the salted scrypt hash the store keeps instead.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { API_KEY_PATTERN } from '../spec/api-key.js';

/** scrypt cost: N = 2^14, r = 8, p = 1 (16 MiB, tens of ms); verified keys are cached, so this is paid once per key and process. */
const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;
const SCRYPT_MAX_MEMORY = 64 * 1024 * 1024;

export interface GeneratedApiKey {
  /** The whole key, shown once. */
  key: string;
  keyId: string;
  secret: string;
}

export interface ParsedApiKey {
  keyId: string;
  secret: string;
}

export function generateApiKey(): GeneratedApiKey {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `rt_${keyId}${secret}`, keyId, secret };
}

/** The id and secret of a well-formed key; null for anything else. */
export function parseApiKey(text: string): ParsedApiKey | null {
  const match = API_KEY_PATTERN.exec(text);
  return match ? { keyId: match[1], secret: match[2] } : null;
}

function scryptAsync(secret: string, salt: Buffer, params: { N: number; r: number; p: number }, length: number) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(secret, salt, length, { ...params, maxmem: SCRYPT_MAX_MEMORY }, (error, derived) =>
      error ? reject(error) : resolve(derived),
    );
  });
}

/** `scrypt$N$r$p$<salt>$<hash>`, so the parameters can change without invalidating stored keys. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const hash = await scryptAsync(secret, salt, SCRYPT, SCRYPT.keyLength);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Whether the secret matches the stored hash; compared in constant time. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Number.isInteger(params.N) || !Number.isInteger(params.r) || !Number.isInteger(params.p)) return false;
  const actual = await scryptAsync(secret, Buffer.from(salt, 'base64url'), params, expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
