// Unit tools: general conversions through mathjs units, temperatures, data sizes and durations.
import type { SafeMath } from '../builtin/safe-math.js';
import { defineTool } from '../define-tool.js';
import { choice, integer, nonEmptyText, number, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const TEMPERATURE = ['celsius', 'fahrenheit', 'kelvin'] as const;
const SIZE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

export function createUnitsTools(safeMath: SafeMath): ToolSpec[] {
  const { math } = safeMath;
  const category = 'units';
  return [
    defineTool<{ value: number; from: string; to: string }>({
      name: 'unit_convert',
      description:
        'Convert a quantity between units of length, mass, volume, speed, area, energy, pressure (e.g. miles to km, lb to kg).',
      category,
      tags: [
        'unit',
        'convert',
        'conversion',
        'metric',
        'imperial',
        'miles',
        'km',
        'kg',
        'pounds',
        'liters',
        'gallons',
        'feet',
        'meters',
      ],
      parameters: {
        value: number('The amount in the source unit.'),
        from: nonEmptyText('The source unit, e.g. "mile", "lb", "l", "km/h".', 40),
        to: nonEmptyText('The target unit, e.g. "km", "kg", "gallon", "m/s".', 40),
      },
      handler: (args) => {
        try {
          const result = math.unit(args.value, args.from).to(args.to);
          return { value: math.round(result.toNumber(args.to), 10), unit: args.to };
        } catch (error) {
          throw new ToolInputError(`cannot convert ${args.from} to ${args.to}: ${(error as Error).message}`);
        }
      },
    }),
    defineTool<{ value: number; from: (typeof TEMPERATURE)[number]; to: (typeof TEMPERATURE)[number] }>({
      name: 'temperature_convert',
      description: 'Convert a temperature between Celsius, Fahrenheit and Kelvin.',
      category,
      tags: ['temperature', 'celsius', 'fahrenheit', 'kelvin', 'degrees', 'convert', 'weather'],
      parameters: {
        value: number('The temperature.', { minimum: -1e6, maximum: 1e6 }),
        from: choice('The source scale.', TEMPERATURE),
        to: choice('The target scale.', TEMPERATURE),
      },
      handler: (args) => {
        const kelvin =
          args.from === 'kelvin'
            ? args.value
            : args.from === 'celsius'
              ? args.value + 273.15
              : ((args.value - 32) * 5) / 9 + 273.15;
        if (kelvin < 0) throw new ToolInputError('the temperature is below absolute zero');
        const result =
          args.to === 'kelvin' ? kelvin : args.to === 'celsius' ? kelvin - 273.15 : ((kelvin - 273.15) * 9) / 5 + 32;
        return Math.round(result * 1e6) / 1e6;
      },
    }),
    defineTool<{ bytes: number; binary: boolean }>({
      name: 'format_bytes',
      description: 'Format a byte count as a human-readable data size (KB, MB, GB) or KiB/MiB with binary units.',
      category,
      tags: ['bytes', 'file size', 'data size', 'megabytes', 'gigabytes', 'human readable', 'storage'],
      parameters: {
        bytes: number('The number of bytes.', { minimum: 0, maximum: 1e21 }),
        binary: withDefault({ type: 'boolean', description: 'Use 1024-based units (KiB, MiB).' }, false),
      },
      handler: (args) => {
        const base = args.binary ? 1024 : 1000;
        let value = args.bytes;
        let unit = 0;
        while (value >= base && unit < SIZE_UNITS.length - 1) {
          value /= base;
          unit++;
        }
        const label = args.binary && unit > 0 ? `${SIZE_UNITS[unit][0]}iB` : SIZE_UNITS[unit];
        return `${Math.round(value * 100) / 100} ${label}`;
      },
    }),
    defineTool<{ seconds: number; style: 'clock' | 'words' }>({
      name: 'format_duration',
      description: 'Format a number of seconds as a duration like "2h 5m 30s" or "02:05:30".',
      category,
      tags: ['duration', 'seconds', 'hours', 'minutes', 'elapsed', 'time span', 'human readable'],
      parameters: {
        seconds: integer('The duration in seconds.', 0, 1e12),
        style: withDefault(choice('words ("1d 2h 3m 4s") or clock ("26:03:04").', ['words', 'clock']), 'words'),
      },
      handler: ({ seconds, style }) => {
        const days = Math.floor(seconds / 86_400);
        const hours = Math.floor((seconds % 86_400) / 3_600);
        const minutes = Math.floor((seconds % 3_600) / 60);
        const rest = seconds % 60;
        if (style === 'clock') {
          return `${String(days * 24 + hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
        }
        const parts = [
          days && `${days}d`,
          hours && `${hours}h`,
          minutes && `${minutes}m`,
          (rest || seconds === 0) && `${rest}s`,
        ].filter(Boolean);
        return parts.join(' ');
      },
    }),
  ];
}
