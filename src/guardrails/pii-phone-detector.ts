// Phone numbers by region, validated with libphonenumber-js. The "max" metadata is used on purpose:
// "min" only checks lengths, so any order number of the right length would pass; "max" checks each
// region's real number patterns, which is what separates phones from reference numbers. The library
// (~150 KB of metadata) is required the first time a candidate passes the cheap checks below, so
// texts without phone-length digit runs (and `import('riptide')`) never load it.
import { createRequire } from 'node:module';
import type * as LibPhoneNumber from 'libphonenumber-js/max';
import { type PiiDetector, placeholder, REFERENCE_CONTEXT, textBefore } from './pii-detector.js';

/** Regions tried for numbers written without a country code (national format). */
const REGIONS = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'IN', 'BR', 'MX', 'CN', 'JP', 'AU', 'CA'] as const;

const PHONE_CONTEXT =
  /(?:phone|tel|call|mobile|cell|fax|whatsapp|sms|text me|ring|reach|contact|dial|hotline|my number|new number|teléfono|telefono|telefone|telefon|téléphone|portable|handy|móvil|movil|celular|cellulare|mobiel|llám|llama|ruf|appel|joindre|chiama|liga|bel me|电话|手机|電話|फोन|fone)/;

/**
 * Written like a phone number: international prefix, (area code), a national trunk "0" before
 * grouped digits ("07850 084527", "06 12 34 56 78"), 4+ groups, or 3+-digit groups after the first.
 */
function phoneShaped(text: string): boolean {
  const groups = text.split(/[\s.()+/-]+/).filter(Boolean);
  return (
    text.startsWith('+') ||
    (text.startsWith('0') && groups.length >= 2) ||
    text.startsWith('00') ||
    text.includes('(') ||
    groups.length >= 4 ||
    (groups.length >= 3 && groups.slice(1).every((group) => group.length >= 3))
  );
}

/** Dates (03.04.2024, 02/06/1958) and thousands-grouped amounts (799 672 663) that fit phone lengths. */
const DATE_SHAPED = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
const THOUSANDS_SHAPED = /^\d{1,3}(?:[ .,]\d{3})+$/;

let libphonenumber: typeof LibPhoneNumber | undefined;

function parsePhoneNumberFromString(...args: Parameters<typeof LibPhoneNumber.parsePhoneNumberFromString>) {
  libphonenumber ??= createRequire(import.meta.url)('libphonenumber-js/max') as typeof LibPhoneNumber;
  return libphonenumber.parsePhoneNumberFromString(...args);
}

function confirmed(text: string, context: string): boolean {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15 || DATE_SHAPED.test(text)) return false;
  const aboutPhones = PHONE_CONTEXT.test(context);
  if (/[€$£¥₹]\s*$/.test(context)) return false;
  if (REFERENCE_CONTEXT.test(context) && !aboutPhones) return false;
  if (THOUSANDS_SHAPED.test(text) && !aboutPhones) return false;
  const shaped = phoneShaped(text);
  if (text.startsWith('+') || text.startsWith('00')) {
    const parsed = parsePhoneNumberFromString(`+${text.replace(/^(?:\+|00)/, '')}`);
    return parsed?.isPossible() === true && (shaped || aboutPhones);
  }
  if (!shaped && !aboutPhones) return false;
  for (const region of REGIONS) {
    if (parsePhoneNumberFromString(text, region)?.isValid()) return true;
  }
  // Fictional or unassigned ranges (555-…) are still someone's way of writing a number.
  return shaped && parsePhoneNumberFromString(text, 'US')?.isPossible() === true;
}

export function phoneDetector(): PiiDetector {
  return {
    kind: 'phone',
    noun: ['phone number', 'phone numbers'],
    pattern: /(?<![\w+./-])(?:\+|00)?(?:\(\d{1,5}\)[\s.-]?)?\d{1,5}(?:[\s./-]\(?\d{1,8}\)?){0,5}(?![\w]|[.-]\d)/g,
    replace: (match) => (confirmed(match[0], textBefore(match, 30)) ? placeholder('phone') : null),
  };
}
