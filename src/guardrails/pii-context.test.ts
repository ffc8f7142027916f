// The detectors added for context and validation: national IDs only when their check digits hold,
// phones by region through libphonenumber-js, names, dates of birth and addresses only in context,
// and the look-alikes the held-out set found redacted before (references, versions, dates, hashes).
import { describe, expect, it } from 'vitest';
import {
  aadhaarValid,
  bsnValid,
  chineseIdValid,
  cpfValid,
  nirValid,
  sinValid,
  spanishIdValid,
  verhoeffValid,
} from './national-id-checks.js';
import { redactPii } from './pii-redactor.js';

const redact = (text: string) => redactPii(text).text;

describe('national ID check digits', () => {
  it('accepts valid numbers and rejects a one-digit change', () => {
    const cases: [(text: string) => boolean, string, string][] = [
      [spanishIdValid, '12345678Z', '12345678A'],
      [spanishIdValid, 'X1234567L', 'X1234567M'],
      [cpfValid, '111.444.777-35', '111.444.777-36'],
      [nirValid, '1 84 12 76 451 089 46', '1 84 12 76 451 089 47'],
      [aadhaarValid, '2341 2341 2346', '2341 2341 2347'],
      [chineseIdValid, '11010519491231002X', '110105194912310021'],
      [bsnValid, '111222333', '111222334'],
      [sinValid, '130 692 544', '130 692 545'],
    ];
    for (const [valid, good, bad] of cases) {
      expect([good, valid(good)]).toEqual([good, true]);
      expect([bad, valid(bad)]).toEqual([bad, false]);
    }
    expect(verhoeffValid('2363')).toBe(true);
    expect(cpfValid('111.111.111-11')).toBe(false);
  });
});

describe('PII in context', () => {
  it('redacts phones written the way each region writes them', () => {
    const numbers = [
      '+49 30 12345678',
      '030 12345678',
      '06 12 34 56 78',
      '+33 6 12 34 56 78',
      '07700 900123',
      '+91 98765 43210',
      '(11) 91234-5678',
      '090-1234-5678',
    ];
    for (const number of numbers) expect(redact(`Ruf an: phone ${number}`)).toBe('Ruf an: phone [REDACTED_PHONE]');
  });

  it('finds names after introductions and honorifics, dates of birth and addresses', () => {
    expect(redact('Hi, my name is Aiko Tanaka.')).toBe('Hi, my name is [REDACTED_NAME].');
    expect(redact('Dear Ms. de Vries, thanks.')).toBe('Dear Ms. [REDACTED_NAME], thanks.');
    expect(redact('Ich heiße Jürgen Weiß.')).toBe('Ich heiße [REDACTED_NAME].');
    expect(redact('DOB: 1985-03-12')).toBe('DOB: [REDACTED_DATE_OF_BIRTH]');
    expect(redact('Nací el 3 de mayo de 1990.')).toBe('Nací el [REDACTED_DATE_OF_BIRTH].');
    expect(redact('Ship to 221B Baker Street, London NW1 6XE today')).toBe('Ship to [REDACTED_ADDRESS] today');
    expect(redact('Hauptstraße 12, 10115 Berlin')).toBe('[REDACTED_ADDRESS]');
    expect(redact('Passport number: X1234567, DL B072RRE2I55')).toBe(
      'Passport number: [REDACTED_PASSPORT], DL [REDACTED_DRIVER_LICENSE]',
    );
  });

  it('leaves look-alikes alone', () => {
    const lookalikes = [
      'Order 4155552671 has shipped.',
      'order 4111111111111111 was refunded',
      'Upgrade to version 2.14.3, firmware 9.7.35.119.',
      'Logged at 2024-05-01T10:02:03Z, epoch 1714557723.',
      'commit 3f786850e387550fdab836ed7e6dc881de23001b',
      'ISBN 978-3-16-148410-0',
      'request id 123e4567-e89b-42d3-a456-426614174000',
      'The meeting is on 12 March 2024.',
      'Revenue grew to €799 672 663.',
      'FedEx tracking 733787125126',
      'Customer Service Team will reply within two days.',
      'Bind the server to 127.0.0.1:8080.',
    ];
    for (const text of lookalikes) expect(redact(text)).toBe(text);
  });
});
