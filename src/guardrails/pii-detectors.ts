// What counts as PII or a secret, one detector per kind: a candidate pattern plus a validator
// (checksums, address parsing, entropy) so look-alikes are left alone. Order matters: earlier
// detectors redact first, so a card number is never half-eaten by the phone pattern.
import ipaddr from 'ipaddr.js';
import { ibanValid, luhnValid } from './checksums.js';

export interface PiiDetector {
  kind: string;
  /** Singular and plural noun for violation details. */
  noun: [string, string];
  /** Global regex of candidates. */
  pattern: RegExp;
  /** Returns the replacement for a confirmed match, or null to leave the candidate as it is. */
  replace(match: RegExpMatchArray): string | null;
}

const placeholder = (kind: string) => `[REDACTED_${kind.toUpperCase()}]`;

/** Shannon entropy in bits per character: random tokens score high, words and placeholders low. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

const always = (kind: string) => () => placeholder(kind);

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
];

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
      pattern: /(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])/g,
      replace: (match) => {
        const digits = match[0].replace(/\D/g, '');
        // Issuer prefixes 2–6 (Mastercard, Amex, Visa, Discover, …) plus the Luhn check.
        return /^[2-6]/.test(digits) && luhnValid(digits) ? placeholder('credit_card') : null;
      },
    },
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
      replace: (match) => (publicOrPrivateAddress(match[0], 'ipv4') ? placeholder('ip_address') : null),
    },
    {
      kind: 'ip_address',
      noun: ['IP address', 'IP addresses'],
      pattern: /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g,
      replace: (match) => (publicOrPrivateAddress(match[0], 'ipv6') ? placeholder('ip_address') : null),
    },
    {
      kind: 'phone',
      noun: ['phone number', 'phone numbers'],
      pattern: /(?<![\w+.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,6}){1,4}(?![\w]|[.-]\d)/g,
      replace: (match) => {
        const text = match[0];
        const digits = text.replace(/\D/g, '').length;
        const groups = text.split(/[\s.()+-]+/).filter(Boolean);
        // Phone-shaped: international prefix, (area code), 4+ groups ("06 12 34 56 78"), or groups of
        // three or more digits after the first ("555-123-4567"); "000-12-3456" or dates are not.
        const shaped =
          text.startsWith('+') ||
          text.includes('(') ||
          groups.length >= 4 ||
          (groups.length >= 3 && groups.slice(1).every((group) => group.length >= 3));
        return digits >= 9 && digits <= 15 && shaped ? placeholder('phone') : null;
      },
    },
  ];
}

/** Loopback and unspecified addresses identify nobody and appear in ordinary technical text. */
function publicOrPrivateAddress(text: string, family: 'ipv4' | 'ipv6'): boolean {
  const valid = family === 'ipv4' ? ipaddr.IPv4.isValidFourPartDecimal(text) : ipaddr.IPv6.isValid(text);
  if (!valid) return false;
  const range = ipaddr.parse(text).range();
  return range !== 'loopback' && range !== 'unspecified';
}
