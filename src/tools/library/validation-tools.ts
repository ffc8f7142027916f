// Validation tools: email, URL, UUID, hostname and date formats via ajv-formats; IP addresses via
// ipaddr.js; Luhn (card numbers) and IBAN checksums.
import ipaddr from 'ipaddr.js';
import { defineTool } from '../define-tool.js';
import { nonEmptyText } from '../schema-fields.js';
import { createArgumentsValidator } from '../tool-arguments-validator.js';
import type { ToolSpec } from '../tool-spec.js';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function ibanValid(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (char) => String(char.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of rearranged) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

export function createValidationTools(): ToolSpec[] {
  const category = 'validation';
  const validator = createArgumentsValidator();
  const formatTool = (name: string, format: string, label: string, tags: string[]) => {
    const check = validator.compile({ type: 'string', format });
    return defineTool<{ value: string }>({
      name,
      description: `Check whether a string is a valid ${label}.`,
      category,
      tags: ['validate', 'check', 'valid', 'verify', ...tags],
      parameters: { value: nonEmptyText(`The ${label} to check.`, 2_000) },
      handler: (args) => {
        const problems = check(args.value.trim());
        return problems.length === 0 ? { valid: true } : { valid: false, reason: `not a valid ${label}` };
      },
    });
  };
  return [
    formatTool('validate_email', 'email', 'email address', ['email', 'address', 'e-mail']),
    formatTool('validate_url', 'uri', 'absolute URL (URI)', ['url', 'uri', 'link', 'web address']),
    formatTool('validate_uuid', 'uuid', 'UUID', ['uuid', 'guid', 'identifier']),
    formatTool('validate_hostname', 'hostname', 'DNS hostname', ['hostname', 'domain', 'dns']),
    formatTool('validate_iso_date', 'date-time', 'ISO 8601 date-time with time zone (RFC 3339)', [
      'date',
      'iso 8601',
      'rfc 3339',
      'timestamp',
    ]),
    defineTool<{ value: string }>({
      name: 'validate_ip_address',
      description:
        'Check whether a string is a valid IPv4 or IPv6 address and classify its range (private, loopback, …).',
      category,
      tags: ['validate', 'ip', 'ip address', 'ipv4', 'ipv6', 'check'],
      parameters: { value: nonEmptyText('The address to check.', 100) },
      handler: (args) => {
        const value = args.value.trim();
        if (!ipaddr.isValid(value)) return { valid: false, reason: 'not an IPv4 or IPv6 address' };
        const address = ipaddr.parse(value);
        return { valid: true, version: address.kind() === 'ipv4' ? 4 : 6, range: address.range() };
      },
    }),
    defineTool<{ number: string }>({
      name: 'validate_luhn',
      description: 'Validate a credit card (or other Luhn mod-10) number’s checksum and guess the card brand.',
      category,
      tags: ['validate', 'luhn', 'credit card', 'card number', 'checksum', 'mod 10'],
      parameters: { number: nonEmptyText('The number; spaces and dashes are ignored.', 40) },
      handler: (args) => {
        const digits = args.number.replace(/[\s-]/g, '');
        if (!/^\d{8,19}$/.test(digits)) return { valid: false, reason: 'must be 8–19 digits' };
        const brand = /^4/.test(digits)
          ? 'visa'
          : /^(5[1-5]|2[2-7])/.test(digits)
            ? 'mastercard'
            : /^3[47]/.test(digits)
              ? 'amex'
              : /^6(011|5)/.test(digits)
                ? 'discover'
                : 'unknown';
        return { valid: luhnValid(digits), brand };
      },
    }),
    defineTool<{ iban: string }>({
      name: 'validate_iban',
      description: 'Validate an IBAN bank account number (international format and mod-97 checksum).',
      category,
      tags: ['validate', 'iban', 'bank account', 'sepa', 'checksum'],
      parameters: { iban: nonEmptyText('The IBAN; spaces are ignored.', 50) },
      handler: (args) => ({ valid: ibanValid(args.iban), country: args.iban.trim().slice(0, 2).toUpperCase() }),
    }),
  ];
}
