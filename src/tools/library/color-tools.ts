// Colour tools: hex/RGB/HSL conversion, WCAG contrast ratio, mixing and lightening.
import { defineTool } from '../define-tool.js';
import { integer, nonEmptyText, number, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

type Rgb = [number, number, number];
const hexField = (description: string) =>
  nonEmptyText(`${description} Hex colour like "#1e90ff" or "1e90ff" or "#fff".`, 9);

export function parseHex(value: string): Rgb {
  const hex = value.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new ToolInputError(`'${value}' is not a hex colour like #1e90ff`);
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function rgbToHsl([r, g, b]: Rgb): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, Math.round(l * 100)];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return [Math.round(h * 60), Math.round(s * 100), Math.round(l * 100)];
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const sn = s / 100;
  const ln = l / 100;
  const k = (n: number): number => (n + h / 30) % 12;
  const a = sn * Math.min(ln, 1 - ln);
  const f = (n: number): number => ln - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0), f(8), f(4)].map((v) => Math.round(v * 255)) as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function createColorTools(): ToolSpec[] {
  const category = 'color';
  const channel = (name: string) => integer(`The ${name} channel, 0–255.`, 0, 255);
  return [
    defineTool<{ hex: string }>({
      name: 'hex_to_rgb',
      description: 'Convert a hex colour code to RGB values.',
      category,
      tags: ['color', 'colour', 'hex', 'rgb', 'convert'],
      parameters: { hex: hexField('The colour.') },
      handler: (args) => {
        const [r, g, b] = parseHex(args.hex);
        return { r, g, b, css: `rgb(${r}, ${g}, ${b})` };
      },
    }),
    defineTool<{ r: number; g: number; b: number }>({
      name: 'rgb_to_hex',
      description: 'Convert RGB values to a hex colour code.',
      category,
      tags: ['color', 'colour', 'rgb', 'hex', 'convert'],
      parameters: { r: channel('red'), g: channel('green'), b: channel('blue') },
      handler: (args) => toHex([args.r, args.g, args.b]),
    }),
    defineTool<{ hex: string }>({
      name: 'hex_to_hsl',
      description: 'Convert a hex colour to HSL (hue, saturation, lightness).',
      category,
      tags: ['color', 'colour', 'hsl', 'hue', 'saturation', 'lightness', 'convert'],
      parameters: { hex: hexField('The colour.') },
      handler: (args) => {
        const [h, s, l] = rgbToHsl(parseHex(args.hex));
        return { h, s, l, css: `hsl(${h}, ${s}%, ${l}%)` };
      },
    }),
    defineTool<{ h: number; s: number; l: number }>({
      name: 'hsl_to_hex',
      description: 'Convert an HSL colour (hue, saturation, lightness) to a hex code.',
      category,
      tags: ['color', 'colour', 'hsl', 'hex', 'convert'],
      parameters: {
        h: number('Hue in degrees, 0–360.', { minimum: 0, maximum: 360 }),
        s: number('Saturation in percent, 0–100.', { minimum: 0, maximum: 100 }),
        l: number('Lightness in percent, 0–100.', { minimum: 0, maximum: 100 }),
      },
      handler: (args) => toHex(hslToRgb(args.h, args.s, args.l)),
    }),
    defineTool<{ foreground: string; background: string }>({
      name: 'color_contrast',
      description: 'Compute the WCAG contrast ratio of two colours and whether it passes AA / AAA accessibility.',
      category,
      tags: ['color', 'colour', 'contrast', 'wcag', 'accessibility', 'a11y', 'readability'],
      parameters: { foreground: hexField('The text colour.'), background: hexField('The background colour.') },
      handler: (args) => {
        const [light, dark] = [luminance(parseHex(args.foreground)), luminance(parseHex(args.background))].sort(
          (a, b) => b - a,
        );
        const ratio = Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
        return { ratio, aa_normal: ratio >= 4.5, aa_large: ratio >= 3, aaa_normal: ratio >= 7 };
      },
    }),
    defineTool<{ first: string; second: string; weight: number }>({
      name: 'mix_colors',
      description:
        'Mix (blend) two hex colours by a weight, e.g. 50% for the midpoint; also lightens with white or darkens with black.',
      category,
      tags: ['color', 'colour', 'mix', 'blend', 'lighten', 'darken', 'tint', 'shade'],
      parameters: {
        first: hexField('The first colour.'),
        second: hexField('The second colour (#ffffff to lighten, #000000 to darken).'),
        weight: withDefault(number('How much of the second colour, 0–100 percent.', { minimum: 0, maximum: 100 }), 50),
      },
      handler: (args) => {
        const a = parseHex(args.first);
        const b = parseHex(args.second);
        return toHex(a.map((c, i) => c + ((b[i] - c) * args.weight) / 100) as Rgb);
      },
    }),
  ];
}
