// Encoding tools: Base64, URL, hex, HTML entities, binary, ROT13 and Unicode code points.
import { defineTool } from '../define-tool.js';
import { boolean, text, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const input = text('The text to encode or decode.', 50_000);
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function createEncodingTools(): ToolSpec[] {
  const category = 'encoding';
  const tool = (
    name: string,
    description: string,
    tags: string[],
    handler: (value: string) => unknown,
    extra: Record<string, Record<string, unknown>> = {},
  ) =>
    defineTool<{ text: string; url_safe?: boolean }>({
      name,
      description,
      category,
      tags,
      parameters: { text: input, ...extra },
      handler: (args) => handler(args.text),
    });
  return [
    defineTool<{ text: string; url_safe: boolean }>({
      name: 'base64_encode',
      description: 'Encode UTF-8 text as Base64 (optionally the URL-safe alphabet).',
      category,
      tags: ['base64', 'encode', 'b64', 'binary to text'],
      parameters: { text: input, url_safe: withDefault(boolean('Use the URL-safe alphabet without padding.'), false) },
      handler: (args) => Buffer.from(args.text, 'utf8').toString(args.url_safe ? 'base64url' : 'base64'),
    }),
    tool(
      'base64_decode',
      'Decode Base64 (standard or URL-safe) back into UTF-8 text.',
      ['base64', 'decode', 'b64'],
      (value) => {
        const clean = value.replace(/\s+/g, '');
        if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) throw new ToolInputError('text is not valid Base64');
        return Buffer.from(clean, clean.includes('-') || clean.includes('_') ? 'base64url' : 'base64').toString('utf8');
      },
    ),
    tool(
      'url_encode',
      'Percent-encode text for use in a URL query parameter or path segment.',
      ['url', 'percent', 'encode', 'escape', 'uri component'],
      encodeURIComponent,
    ),
    tool(
      'url_decode',
      'Decode percent-encoded URL text (%20 → space, + → space).',
      ['url', 'percent', 'decode', 'unescape', 'uri component'],
      (value) => {
        try {
          return decodeURIComponent(value.replace(/\+/g, ' '));
        } catch {
          throw new ToolInputError('text contains an invalid percent-encoding');
        }
      },
    ),
    tool('hex_encode', 'Encode UTF-8 text as hexadecimal bytes.', ['hex', 'hexadecimal', 'encode', 'bytes'], (value) =>
      Buffer.from(value, 'utf8').toString('hex'),
    ),
    tool(
      'hex_decode',
      'Decode hexadecimal bytes back into UTF-8 text.',
      ['hex', 'hexadecimal', 'decode', 'bytes'],
      (value) => {
        const clean = value.replace(/\s+|^0x/g, '');
        if (!/^([0-9a-fA-F]{2})*$/.test(clean))
          throw new ToolInputError('text is not an even-length hexadecimal string');
        return Buffer.from(clean, 'hex').toString('utf8');
      },
    ),
    tool(
      'html_escape',
      'Escape HTML special characters (& < > " \') as entities.',
      ['html', 'escape', 'entities', 'xss', 'sanitize'],
      (value) => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]),
    ),
    tool(
      'html_unescape',
      'Decode HTML entities (&amp; &lt; &#39; &#x27; …) back into characters.',
      ['html', 'unescape', 'entities', 'decode'],
      (value) =>
        value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
          if (body[0] === '#') {
            const code =
              body[1].toLowerCase() === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
            return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
          }
          return HTML_NAMED[body.toLowerCase()] ?? entity;
        }),
    ),
    tool(
      'rot13',
      'Apply the ROT13 letter substitution cipher (encoding and decoding are the same).',
      ['rot13', 'cipher', 'caesar', 'obfuscate'],
      (value) =>
        value.replace(/[a-z]/gi, (char) => {
          const base = char <= 'Z' ? 65 : 97;
          return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
        }),
    ),
    tool(
      'text_to_binary',
      'Show the UTF-8 bytes of a text as 8-bit binary groups.',
      ['binary', 'bits', 'bytes', 'encode', 'zeros and ones'],
      (value) => [...Buffer.from(value, 'utf8')].map((byte) => byte.toString(2).padStart(8, '0')).join(' '),
    ),
    tool(
      'unicode_code_points',
      'List the Unicode code points (U+XXXX) and names of the characters in a text.',
      ['unicode', 'code point', 'character', 'utf-8', 'emoji'],
      (value) =>
        [...value].slice(0, 1_000).map((char) => ({
          character: char,
          code_point: `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`,
          utf8_bytes: Buffer.byteLength(char, 'utf8'),
        })),
    ),
  ];
}
