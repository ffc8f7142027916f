// Hashing tools on node:crypto and node:zlib: digests, HMAC, CRC32 and name-based UUIDs.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { defineTool } from '../define-tool.js';
import { choice, nonEmptyText, text, withDefault } from '../schema-fields.js';
import type { ToolSpec } from '../tool-spec.js';

const input = text('The text to hash (UTF-8).', 100_000);
const encoding = withDefault(choice('Output encoding of the digest.', ['hex', 'base64']), 'hex');

export function createHashingTools(): ToolSpec[] {
  const category = 'hashing';
  const digest = (name: string, algorithm: string, label: string, tags: string[]) =>
    defineTool<{ text: string; encoding: 'hex' | 'base64' }>({
      name,
      description: `Compute the ${label} hash (digest, checksum) of a text.`,
      category,
      tags: ['hash', 'digest', 'checksum', 'fingerprint', ...tags],
      parameters: { text: input, encoding },
      handler: (args) => crypto.createHash(algorithm).update(args.text, 'utf8').digest(args.encoding),
    });
  return [
    digest('sha256_hash', 'sha256', 'SHA-256', ['sha256', 'sha-256', 'sha2']),
    digest('sha512_hash', 'sha512', 'SHA-512', ['sha512', 'sha-512']),
    digest('sha1_hash', 'sha1', 'SHA-1 (legacy, not collision-resistant)', ['sha1', 'sha-1', 'git']),
    digest('md5_hash', 'md5', 'MD5 (legacy, not for security)', ['md5']),
    defineTool<{ text: string; key: string; algorithm: string; encoding: 'hex' | 'base64' }>({
      name: 'hmac_sign',
      description: 'Compute an HMAC signature (message authentication code) of a text with a secret key.',
      category,
      tags: ['hmac', 'signature', 'sign', 'mac', 'webhook', 'secret key'],
      parameters: {
        text: input,
        key: nonEmptyText('The secret key.', 1_000),
        algorithm: withDefault(choice('The hash function.', ['sha256', 'sha512', 'sha1']), 'sha256'),
        encoding,
      },
      handler: (args) => crypto.createHmac(args.algorithm, args.key).update(args.text, 'utf8').digest(args.encoding),
    }),
    defineTool<{ text: string }>({
      name: 'crc32_checksum',
      description: 'Compute the CRC-32 checksum of a text as an unsigned integer and hex.',
      category,
      tags: ['crc32', 'crc', 'checksum', 'integrity'],
      parameters: { text: input },
      handler: (args) => {
        const value = zlib.crc32(args.text);
        return { decimal: value, hex: value.toString(16).padStart(8, '0') };
      },
    }),
    defineTool<{ name: string; namespace: string }>({
      name: 'uuid_v5',
      description: 'Derive a deterministic name-based UUID (version 5, SHA-1) from a name and a namespace UUID.',
      category,
      tags: ['uuid', 'guid', 'v5', 'deterministic', 'identifier', 'namespace'],
      parameters: {
        name: nonEmptyText('The name to derive the UUID from.', 1_000),
        namespace: withDefault(
          { ...nonEmptyText('The namespace UUID (default: the DNS namespace).', 36), format: 'uuid' },
          '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
        ),
      },
      handler: (args) => {
        const bytes = crypto
          .createHash('sha1')
          .update(Buffer.from(args.namespace.replace(/-/g, ''), 'hex'))
          .update(args.name, 'utf8')
          .digest()
          .subarray(0, 16);
        bytes[6] = (bytes[6] & 0x0f) | 0x50;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        const hex = bytes.toString('hex');
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      },
    }),
  ];
}
