// What counts as PII or a secret, one detector per kind: a candidate pattern plus a validator
// (checksums, address parsing, entropy, context) so look-alikes are left alone. Order matters:
// earlier detectors redact first, so a card number is never half-eaten by the phone pattern.
import ipaddr from 'ipaddr.js';
import { ibanValid, luhnValid } from './checksums.js';
import { contextDetectors, dateOfBirthDetector } from './pii-context-detectors.js';
import {
  always,
  type PiiDetector,
  placeholder,
  REFERENCE_CONTEXT,
  shannonEntropy,
  textBefore,
} from './pii-detector.js';
import { identityDetectors } from './pii-identity-detectors.js';
import { nameListDetector } from './pii-name-list-detector.js';
import { phoneDetector } from './pii-phone-detector.js';

export type { PiiDetector } from './pii-detector.js';
export { shannonEntropy } from './pii-detector.js';

const KNOWN_TOKENS = [
  'sk-(?:proj-|ant-(?:api\\d{2}-)?|svcacct-)?[A-Za-z0-9_-]{20,}', // OpenAI, Anthropic
  'gh[pousr]_[A-Za-z0-9]{30,}', // GitHub
  'github_pat_[A-Za-z0-9_]{30,}',
  '(?:AKIA|ASIA)[0-9A-Z]{16}', // AWS access key ids
  'xox[abposr]-[A-Za-z0-9-]{10,}', // Slack
  'AIza[0-9A-Za-z_-]{35}', // Google
  '(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}', // Stripe
  'glpat-[0-9A-Za-z_-]{20,}', // GitLab
  'hf_[A-Za-z0-9]{30,}', // Hugging Face
  'npm_[A-Za-z0-9]{36}',
  'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}', // SendGrid
  'SK[0-9a-f]{32}', // Twilio
  'key-[0-9a-z]{32}', // Mailgun
  'shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}', // Shopify
  'dop_v1_[a-f0-9]{64}', // DigitalOcean
  'sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}', // Square
  'pk_(?:live|test)_[0-9A-Za-z]{24,}', // Stripe publishable (still an account identifier)
];

/** Issuer prefixes and lengths of card networks (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro). */
const CARD_NETWORKS: [RegExp, number[]][] = [
  [/^4/, [13, 16, 19]],
  [/^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, [16]],
  [/^3[47]/, [15]],
  [/^(?:6011|65|64[4-9])/, [16, 17, 18, 19]],
  [/^35(?:2[89]|[3-8]\d)/, [16, 17, 18, 19]],
  [/^3(?:0[0-5]|[689])/, [14, 15, 16, 17, 18, 19]],
  [/^62/, [16, 17, 18, 19]],
  [/^(?:50|5[6-8]|6\d)/, [12, 13, 14, 15, 16, 17, 18, 19]],
];

function cardNumber(digits: string): boolean {
  return (
    CARD_NETWORKS.some(([prefix, lengths]) => prefix.test(digits) && lengths.includes(digits.length)) &&
    luhnValid(digits)
  );
}

const SECRET_WORDS =
  /(?:\bkey\b|api[ _-]?key|access[ _-]?key|secret(?:[ _-]?key)?|token|password|passphrase|passwd|credentials?|private key|clave|contraseña|passwort|mot de passe|senha|wachtwoord|密码|パスワード)/;

const SECRET_KEYS =
  '(?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|refresh[_-]?token|token|secret|client[_-]?secret|secret[_-]?key|access[_-]?key|private[_-]?key|password|passwd|pwd)';

export function defaultPiiDetectors(): PiiDetector[] {
  return [
    {
      kind: 'secret',
      noun: ['secret', 'secrets'],
      pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
      replace: always('secret'),
    },
    {
      kind: 'secret',
      noun: ['secret', 'secrets'],
      pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWT
      replace: always('secret'),
    },
    {
      kind: 'secret',
      noun: ['secret', 'secrets'],
      pattern: new RegExp(`(?<![A-Za-z0-9_-])(?:${KNOWN_TOKENS.join('|')})(?![A-Za-z0-9_-])`, 'g'),
      replace: always('secret'),
    },
    {
      kind: 'secret',
      noun: ['secret', 'secrets'],
      pattern: /\b(bearer\s+)([A-Za-z0-9._~+/-]{20,}=*)/gi,
      replace: (match) => `${match[1]}${placeholder('secret')}`,
    },
    {
      // key=value / "token": "value": passwords always, other values when long and random-looking.
      kind: 'secret',
      noun: ['secret', 'secrets'],
      pattern: new RegExp(`\\b(${SECRET_KEYS}["']?\\s*[:=]\\s*["']?)([^\\s"'&,;]{6,})`, 'gi'),
      replace: (match) => {
        const value = match[2];
        if (value.startsWith('[REDACTED_')) return null;
        const passwordLike = /pass|pwd/i.test(match[1]);
        const random = value.length >= 16 && shannonEntropy(value) >= 3.2;
        return passwordLike || random ? `${match[1]}${placeholder('secret')}` : null;
      },
    },
    {
      // "my API key is 9fQ…", "the token: Zx8…": a random-looking value right after a secret's name.
      kind: 'secret',
      noun: ['secret', 'secrets'],
      pattern: /(?<![\w-])([A-Za-z0-9+/_.~-]{12,}={0,2})(?![\w-])/g,
      replace: (match) => {
        const value = match[1];
        if (value.startsWith('[REDACTED_') || !SECRET_WORDS.test(textBefore(match, 24))) return null;
        const mixed = /\d/.test(value) && /[A-Za-z]/.test(value);
        return mixed && shannonEntropy(value) >= 3.3 ? placeholder('secret') : null;
      },
    },
    {
      kind: 'email',
      noun: ['email address', 'email addresses'],
      pattern:
        /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b/g,
      replace: always('email'),
    },
    {
      kind: 'iban',
      noun: ['IBAN', 'IBANs'],
      pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g,
      replace: (match) => (ibanValid(match[0]) ? placeholder('iban') : null),
    },
    {
      kind: 'credit_card',
      noun: ['card number', 'card numbers'],
      pattern: /(?<![\d-])(?:\d[ -]?){11,18}\d(?![\d-])/g,
      replace: (match) => {
        const digits = match[0].replace(/\D/g, '');
        const context = textBefore(match, 30);
        // "order 4111…" is a reference number unless the text says it is a card.
        if (
          REFERENCE_CONTEXT.test(context) &&
          !/card|karte|tarjeta|carte|carta|cartão|visa|mastercard|amex/.test(context)
        ) {
          return null;
        }
        return cardNumber(digits) ? placeholder('credit_card') : null;
      },
    },
    ...identityDetectors(),
    {
      kind: 'ssn',
      noun: ['social security number', 'social security numbers'],
      pattern: /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g,
      replace: always('ssn'),
    },
    {
      kind: 'ip_address',
      noun: ['IP address', 'IP addresses'],
      pattern: /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]|\.\d)/g,
      // "firmware 9.7.35.119" is a version, not a host.
      replace: (match) =>
        publicOrPrivateAddress(match[0], 'ipv4') && !REFERENCE_CONTEXT.test(textBefore(match, 20))
          ? placeholder('ip_address')
          : null,
    },
    {
      kind: 'ip_address',
      noun: ['IP address', 'IP addresses'],
      pattern: /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g,
      replace: (match) => (publicOrPrivateAddress(match[0], 'ipv6') ? placeholder('ip_address') : null),
    },
    dateOfBirthDetector(),
    phoneDetector(),
    ...contextDetectors(),
    nameListDetector(),
  ];
}

/** Loopback and unspecified addresses identify nobody and appear in ordinary technical text. */
function publicOrPrivateAddress(text: string, family: 'ipv4' | 'ipv6'): boolean {
  const valid = family === 'ipv4' ? ipaddr.IPv4.isValidFourPartDecimal(text) : ipaddr.IPv6.isValid(text);
  if (!valid) return false;
  const range = ipaddr.parse(text).range();
  return range !== 'loopback' && range !== 'unspecified';
}
