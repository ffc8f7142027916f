// Identifiers that appear in paths and storage keys (session, thread, workflow, tenant).
import { z } from 'zod';

export const IDENTIFIER_PATTERN = /^(?!\.)[A-Za-z0-9._-]{1,128}$/;

export const identifierSchema = z
  .string()
  .regex(IDENTIFIER_PATTERN, 'must be 1–128 characters of A-Za-z0-9._- and not start with "."');

export function isIdentifier(value: string): boolean {
  return IDENTIFIER_PATTERN.test(value);
}
