// PII and secret redaction: each kind is redacted with its placeholder, look-alikes that fail the
// checksum or parse are left alone, and violations never contain the redacted value.
import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid } from './checksums.js';
import { createPiiRedactor, redactPii } from './pii-redactor.js';

const redact = (text: string) => redactPii(text).text;

describe('PII redactor', () => {
  it('redacts an email and a Luhn-valid card but not a non-Luhn 16-digit order number', async () => {
    const outcome = await createPiiRedactor().check(
      'Mail jane.doe@example.com, card 4111 1111 1111 1111, order 1234567812345678.',
    );
    expect(outcome.text).toBe('Mail [REDACTED_EMAIL], card [REDACTED_CREDIT_CARD], order 1234567812345678.');
    expect(outcome.blocked).toBe(false);
    expect(outcome.violations).toEqual([
      { guardrail: 'pii_redactor', kind: 'email', detail: '1 email address redacted', action: 'redacted' },
      { guardrail: 'pii_redactor', kind: 'credit_card', detail: '1 card number redacted', action: 'redacted' },
    ]);
    expect(JSON.stringify(outcome.violations)).not.toMatch(/jane|4111/);
  });

  it('redacts phone numbers in common formats and leaves other numbers', () => {
    expect(redact('Call +1 (555) 123-4567 or 555-123-4567 or +44 20 7946 0958.')).toBe(
      'Call [REDACTED_PHONE] or [REDACTED_PHONE] or [REDACTED_PHONE].',
    );
    expect(redact('In 2024-01-15 we sold 1 000 000 units at 3.14159 each, version 1.2.3.')).toBe(
      'In 2024-01-15 we sold 1 000 000 units at 3.14159 each, version 1.2.3.',
    );
  });

  it('redacts US social security numbers but not invalid ranges', () => {
    expect(redact('SSN 123-45-6789; not 000-12-3456 or 666-12-3456 or 123-00-6789.')).toBe(
      'SSN [REDACTED_SSN]; not 000-12-3456 or 666-12-3456 or 123-00-6789.',
    );
  });

  it('redacts IBANs that pass mod-97, with or without spaces', () => {
    expect(redact('Pay DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432 today.')).toBe(
      'Pay [REDACTED_IBAN] or [REDACTED_IBAN] today.',
    );
    expect(redact('Reference DE89 3704 0044 0532 0130 01 is not an IBAN.')).toBe(
      'Reference DE89 3704 0044 0532 0130 01 is not an IBAN.',
    );
  });

  it('redacts IPv4 and IPv6 addresses but not loopback, versions or code', () => {
    expect(redact('Hosts 203.0.113.7, 10.0.0.12 and 2001:db8:85a3::8a2e:370:7334 are down.')).toBe(
      'Hosts [REDACTED_IP_ADDRESS], [REDACTED_IP_ADDRESS] and [REDACTED_IP_ADDRESS] are down.',
    );
    expect(redact('Bind 127.0.0.1 or ::1, not 999.1.1.1; std::vector at 12:30:45 in v1.2.3.4')).toBe(
      'Bind 127.0.0.1 or ::1, not 999.1.1.1; std::vector at 12:30:45 in v1.2.3.4',
    );
  });

  it('redacts API keys, tokens and high-entropy secrets after key= / token=', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const text = [
      'openai sk-proj-AbCdEfGhIjKlMnOpQrStUvWx1234',
      'github ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'aws AKIAIOSFODNN7EXAMPLE',
      'slack xoxb-123456789012-abcdefABCDEF',
      `jwt ${jwt}`,
      'Authorization: Bearer abcdef0123456789abcdef0123456789',
      'config token=Zx8q2LmN4vB7tR1yW9kP3sD6 and api_key: "Q7w8E9r0T1y2U3i4O5p6A7s8"',
      'password=hunter22',
    ].join('\n');
    const redacted = redact(text);
    expect(redacted).toBe(
      [
        'openai [REDACTED_SECRET]',
        'github [REDACTED_SECRET]',
        'aws [REDACTED_SECRET]',
        'slack [REDACTED_SECRET]',
        'jwt [REDACTED_SECRET]',
        'Authorization: Bearer [REDACTED_SECRET]',
        'config token=[REDACTED_SECRET] and api_key: "[REDACTED_SECRET]"',
        'password=[REDACTED_SECRET]',
      ].join('\n'),
    );
    const { violations } = await createPiiRedactor().check(text);
    expect(violations).toEqual([
      { guardrail: 'pii_redactor', kind: 'secret', detail: '9 secrets redacted', action: 'redacted' },
    ]);
  });

  it('leaves low-entropy values and ordinary words after key= alone', () => {
    expect(redact('set token=placeholder and secret=aaaaaaaaaaaaaaaaaaaa; the sky-blue theme')).toBe(
      'set token=placeholder and secret=aaaaaaaaaaaaaaaaaaaa; the sky-blue theme',
    );
  });

  it('returns the same text and no violations when nothing is found', async () => {
    expect(await createPiiRedactor().check('Compute 21 * 2.')).toEqual({
      text: 'Compute 21 * 2.',
      blocked: false,
      violations: [],
    });
  });
});

describe('checksums', () => {
  it('implements Luhn and IBAN mod-97', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('41x1')).toBe(false);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('gb82 west 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('DE89370400440532013001')).toBe(false);
    expect(ibanValid('DE89')).toBe(false);
  });
});
