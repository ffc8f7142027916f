// Encoders that disguise a payload the way attackers do (the product's decoders undo them; the
// corpus uses these independent encoders so a decoder bug cannot hide in both directions).
import type { Random } from './seeded-random.js';

export type Obfuscation = 'leetspeak' | 'base64' | 'hex' | 'rot13' | 'zero_width' | 'homoglyph' | 'spaced';

const LEET: Record<string, string[]> = {
  a: ['4', '@'],
  e: ['3'],
  i: ['1', '!'],
  o: ['0'],
  s: ['5', '$'],
  t: ['7'],
  l: ['1'],
  g: ['9'],
};

const HOMOGLYPHS: Record<string, string> = {
  a: '\u0430', // Cyrillic а
  e: '\u0435',
  o: '\u043e',
  p: '\u0440',
  c: '\u0441',
  x: '\u0445',
  y: '\u0443',
  i: '\u0456',
  s: '\u0455',
  j: '\u0458',
};

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

export function obfuscate(text: string, how: Obfuscation, random: Random): string {
  switch (how) {
    case 'leetspeak':
      return [...text]
        .map((char) => {
          const options = LEET[char.toLowerCase()];
          return options && random.chance(0.6) ? random.pick(options) : char;
        })
        .join('');
    case 'base64':
      return Buffer.from(text, 'utf8').toString('base64');
    case 'hex':
      return Buffer.from(text, 'utf8').toString('hex');
    case 'rot13':
      return text.replace(/[a-z]/gi, (char) => {
        const base = char <= 'Z' ? 65 : 97;
        return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
      });
    case 'zero_width':
      return [...text]
        .map((char) => (/\w/.test(char) && random.chance(0.35) ? char + random.pick(ZERO_WIDTH) : char))
        .join('');
    case 'homoglyph':
      return [...text].map((char) => (HOMOGLYPHS[char] && random.chance(0.5) ? HOMOGLYPHS[char] : char)).join('');
    case 'spaced': {
      const separator = random.pick([' ', '.', '-', '_', ' ']);
      return text
        .split(/\s+/)
        .map((word) => [...word].join(separator))
        .join(separator === ' ' ? '   ' : ' ');
    }
  }
}
