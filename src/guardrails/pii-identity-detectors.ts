// Identity documents: national ID numbers of several countries (checked by their check digits where
// they have one), and passport and driving-licence numbers, which have no checksum and are found by
// the words that introduce them.
import {
  aadhaarValid,
  bsnValid,
  chineseIdValid,
  cpfValid,
  nirValid,
  sinValid,
  spanishIdValid,
} from './national-id-checks.js';
import { caseless, type PiiDetector, placeholder, REFERENCE_CONTEXT, textBefore } from './pii-detector.js';

const NATIONAL_ID: PiiDetector['noun'] = ['national ID number', 'national ID numbers'];

const checked = (pattern: RegExp, valid: (text: string) => boolean): PiiDetector => ({
  kind: 'national_id',
  noun: NATIONAL_ID,
  pattern,
  // A check digit passes one time in ten or so by chance: "tracking 7337…" stays a tracking number.
  replace: (match) =>
    valid(match[0]) && !REFERENCE_CONTEXT.test(textBefore(match, 30)) ? placeholder('national_id') : null,
});

/** A document number introduced by one of `words` (and "no.", "number", "#", ":"), kept as `$1[REDACTED]`. */
function introduced(kind: string, noun: PiiDetector['noun'], words: readonly string[], id: string): PiiDetector {
  const filler = `(?:\\s*(?:${caseless(['no', 'nr', 'number', 'num', 'id', 'is', 'was', 'est', 'es', 'ist', 'lautet', 'è', 'é', 'nummer', 'numéro', 'número', 'numero', 'on file'])}\\.?|[:#=º°-]))*\\s*`;
  return {
    kind,
    noun,
    pattern: new RegExp(`(\\b${caseless(words)}${filler})(${id})(?![\\w-])`, 'g'),
    replace: (match) => (/\d/.test(match[2]) ? `${match[1]}${placeholder(kind)}` : null),
  };
}

export function identityDetectors(): PiiDetector[] {
  return [
    checked(/(?<![\w-])\d{17}[\dXx](?![\w-])/g, chineseIdValid),
    checked(/(?<![\w-])[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\w-])/g, nirValid),
    checked(/(?<![\w-])[2-9]\d{3} ?\d{4} ?\d{4}(?![\w-])/g, aadhaarValid),
    checked(/(?<![\w.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w-])/g, cpfValid),
    checked(/(?<![\w-])(?:\d{8}|[XYZ]\d{7})-?[A-Z](?![\w-])/g, spanishIdValid),
    // UK National Insurance number: two letters (not D, F, I, Q, U, V; no BG, GB, NK, KN, TN, NT, ZZ), six digits, A–D.
    {
      kind: 'national_id',
      noun: NATIONAL_ID,
      pattern: /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g,
      replace: () => placeholder('national_id'),
    },
    // Italian codice fiscale: surname, name, birth date and place, check letter.
    {
      kind: 'national_id',
      noun: NATIONAL_ID,
      pattern: /\b[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]\b/g,
      replace: () => placeholder('national_id'),
    },
    // Numbers that need their name next to them: 9 digits are too common to redact alone.
    {
      kind: 'national_id',
      noun: NATIONAL_ID,
      pattern: new RegExp(
        `(\\b${caseless(['bsn', 'burgerservicenummer', 'sin', 'social insurance number', 'nas'])}\\s*[:#]?\\s*(?:is\\s+)?)(\\d{3}[ .-]?\\d{3}[ .-]?\\d{3}|\\d{4}\\.\\d{2}\\.\\d{3})\\b`,
        'g',
      ),
      replace: (match) =>
        bsnValid(match[2]) || sinValid(match[2]) ? `${match[1]}${placeholder('national_id')}` : null,
    },
    introduced(
      'national_id',
      NATIONAL_ID,
      [
        'personalausweis',
        'ausweisnummer',
        'id card',
        'identity card',
        'carte d’identité',
        "carte d'identité",
        'cni',
        'dni',
        'nie',
        'cpf',
        'aadhaar',
        'national id',
        'tax id',
        'steuer-id',
        'steuernummer',
        'codice fiscale',
        'rg',
      ],
      '[A-Z0-9][A-Z0-9 .-]{4,16}[A-Z0-9]',
    ),
    introduced(
      'passport',
      ['passport number', 'passport numbers'],
      [
        'passport',
        'reisepass',
        'reisepassnummer',
        'pasaporte',
        'passeport',
        'passaporto',
        'passaporte',
        'paspoort',
        'पासपोर्ट',
      ],
      '[A-Z]{0,2}\\d{6,9}[A-Z]?|[A-Z0-9]{8,9}',
    ),
    introduced(
      'passport',
      ['passport number', 'passport numbers'],
      ['护照', '護照', 'パスポート'],
      '[A-Z]{0,2}\\d{6,9}',
    ),
    introduced(
      'driver_license',
      ['driving licence number', 'driving licence numbers'],
      [
        "driver's license",
        'drivers license',
        'driver license',
        "driver's licence",
        'driving licence',
        'driving license',
        'dl',
        'führerschein',
        'führerscheinnummer',
        'licencia de conducir',
        'carnet de conducir',
        'permis de conduire',
        'patente di guida',
        'carteira de motorista',
        'cnh',
        'rijbewijs',
      ],
      '[A-Z0-9][A-Z0-9-]{4,17}[A-Z0-9]',
    ),
    // UK driving licence numbers have their own shape (surname, birth date, initials, check digits).
    {
      kind: 'driver_license',
      noun: ['driving licence number', 'driving licence numbers'],
      pattern: /\b[A-Z9]{5}\d[0156]\d{4}[A-Z9]{2}\d[A-Z]{2}\b/g,
      replace: () => placeholder('driver_license'),
    },
  ];
}
