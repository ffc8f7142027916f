// Date and time tools on luxon: differences, arithmetic, time zones, formatting and calendars.
// Nothing reads the clock, so every answer is deterministic for its inputs.
import { DateTime, type DurationLikeObject, IANAZone, Interval } from 'luxon';
import { defineTool } from '../define-tool.js';
import { choice, integer, nonEmptyText, number, text, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
const dateField = (description: string) =>
  nonEmptyText(`${description} ISO 8601, e.g. "2024-03-15" or "2024-03-15T09:30:00Z".`, 64);
const zoneField = (description: string) =>
  withDefault(text(`${description} IANA time zone, e.g. "Europe/Paris".`, 64), 'UTC');

export function parseDate(value: string, zone = 'UTC'): DateTime {
  if (!IANAZone.isValidZone(zone)) throw new ToolInputError(`unknown time zone '${zone}'`);
  let parsed = DateTime.fromISO(value.trim(), { zone, setZone: true });
  if (!parsed.isValid) parsed = DateTime.fromRFC2822(value.trim(), { zone, setZone: true });
  if (!parsed.isValid) parsed = DateTime.fromSQL(value.trim(), { zone, setZone: true });
  if (!parsed.isValid) throw new ToolInputError(`cannot parse date '${value}': use ISO 8601 like 2024-03-15T09:30:00Z`);
  return parsed;
}

export function createDatetimeTools(): ToolSpec[] {
  const category = 'datetime';
  return [
    defineTool<{ start: string; end: string; unit: (typeof UNITS)[number] }>({
      name: 'date_diff',
      description: 'Compute the time between two dates (how many days, weeks, months or hours apart).',
      category,
      tags: ['date', 'difference', 'between', 'days until', 'elapsed', 'duration', 'how long'],
      parameters: {
        start: dateField('The start date.'),
        end: dateField('The end date.'),
        unit: withDefault(choice('The unit of the result.', UNITS), 'days'),
      },
      handler: (args) => {
        const diff = parseDate(args.end).diff(parseDate(args.start), args.unit);
        return { [args.unit]: Math.round(diff.as(args.unit) * 1e6) / 1e6 };
      },
    }),
    defineTool<{ date: string; amount: number; unit: (typeof UNITS)[number] }>({
      name: 'date_add',
      description: 'Add (or subtract, with a negative amount) days, weeks, months or years to a date.',
      category,
      tags: [
        'date',
        'add',
        'subtract',
        'plus',
        'after',
        'before',
        'later',
        'earlier',
        'from now',
        'ago',
        'due date',
        'deadline',
      ],
      parameters: {
        date: dateField('The starting date.'),
        amount: number('How many units to add; negative subtracts.', { minimum: -1e6, maximum: 1e6 }),
        unit: withDefault(choice('The unit of the amount.', UNITS), 'days'),
      },
      handler: (args) =>
        parseDate(args.date)
          .plus({ [args.unit]: args.amount } as DurationLikeObject)
          .toISO(),
    }),
    defineTool<{ datetime: string; from_zone: string; to_zone: string }>({
      name: 'timezone_convert',
      description: 'Convert a date and time from one time zone to another (e.g. New York time to Tokyo time).',
      category,
      tags: ['time zone', 'timezone', 'convert', 'utc', 'local time', 'tz', 'offset'],
      parameters: {
        datetime: dateField('The date and time.'),
        from_zone: zoneField('The zone of the input when it has no offset;'),
        to_zone: nonEmptyText('The target IANA time zone, e.g. "Asia/Tokyo".', 64),
      },
      handler: (args) => {
        if (!IANAZone.isValidZone(args.to_zone)) throw new ToolInputError(`unknown time zone '${args.to_zone}'`);
        const converted = parseDate(args.datetime, args.from_zone).setZone(args.to_zone);
        return {
          datetime: converted.toISO(),
          zone: args.to_zone,
          offset: converted.toFormat('ZZ'),
          readable: converted.toFormat('cccc d LLLL yyyy HH:mm'),
        };
      },
    }),
    defineTool<{ date: string }>({
      name: 'day_of_week',
      description: 'Tell which weekday (Monday…Sunday) a date falls on.',
      category,
      tags: ['weekday', 'day of week', 'monday', 'calendar', 'what day'],
      parameters: { date: dateField('The date.') },
      handler: (args) => parseDate(args.date).setLocale('en').toFormat('cccc'),
    }),
    defineTool<{ date: string; format: string; locale: string }>({
      name: 'format_date',
      description: 'Format a date with a pattern such as "dd/MM/yyyy" or "LLLL d, yyyy" (luxon tokens).',
      category,
      tags: ['date', 'format', 'pattern', 'display', 'pretty', 'locale'],
      parameters: {
        date: dateField('The date.'),
        format: withDefault(nonEmptyText('A luxon format pattern.', 100), 'LLLL d, yyyy'),
        locale: withDefault(nonEmptyText('A BCP 47 locale, e.g. "en-GB" or "fr".', 20), 'en'),
      },
      handler: (args) => parseDate(args.date).setLocale(args.locale).toFormat(args.format),
    }),
    defineTool<{ timestamp: number; unit: 'seconds' | 'milliseconds' }>({
      name: 'unix_to_date',
      description: 'Convert a Unix timestamp (epoch seconds or milliseconds) to an ISO 8601 UTC date.',
      category,
      tags: ['unix', 'epoch', 'timestamp', 'convert', 'date', 'posix'],
      parameters: {
        timestamp: number('The Unix timestamp.', { minimum: -1e14, maximum: 1e14 }),
        unit: withDefault(choice('Seconds or milliseconds since 1970-01-01.', ['seconds', 'milliseconds']), 'seconds'),
      },
      handler: (args) =>
        DateTime.fromMillis(args.unit === 'seconds' ? args.timestamp * 1000 : args.timestamp, { zone: 'UTC' }).toISO(),
    }),
    defineTool<{ date: string }>({
      name: 'date_to_unix',
      description: 'Convert an ISO 8601 date to a Unix timestamp (epoch seconds and milliseconds).',
      category,
      tags: ['unix', 'epoch', 'timestamp', 'convert', 'date', 'posix'],
      parameters: { date: dateField('The date.') },
      handler: (args) => {
        const millis = parseDate(args.date).toMillis();
        return { seconds: Math.floor(millis / 1000), milliseconds: millis };
      },
    }),
    defineTool<{ date: string }>({
      name: 'week_number',
      description: 'Give the ISO week number, week year, quarter and day of year of a date.',
      category,
      tags: ['week number', 'iso week', 'quarter', 'day of year', 'calendar'],
      parameters: { date: dateField('The date.') },
      handler: (args) => {
        const date = parseDate(args.date);
        return {
          iso_week: date.weekNumber,
          week_year: date.weekYear,
          quarter: date.quarter,
          day_of_year: date.ordinal,
        };
      },
    }),
    defineTool<{ year: number }>({
      name: 'is_leap_year',
      description: 'Check whether a year is a leap year (366 days, with 29 February).',
      category,
      tags: ['leap year', 'february 29', 'calendar', 'year'],
      parameters: { year: integer('The year.', 1, 9999) },
      handler: (args) => DateTime.local(args.year, 1, 1, { zone: 'UTC' }).isInLeapYear,
    }),
    defineTool<{ start: string; end: string }>({
      name: 'business_days_between',
      description: 'Count the working days (Monday–Friday) between two dates, excluding the end date.',
      category,
      tags: ['business days', 'working days', 'weekdays', 'workdays', 'between', 'sla'],
      parameters: { start: dateField('The first day.'), end: dateField('The day after the last counted day.') },
      handler: (args) => {
        const start = parseDate(args.start).startOf('day');
        const end = parseDate(args.end).startOf('day');
        if (end < start) throw new ToolInputError('end must not be before start');
        if (end.diff(start, 'days').days > 100_000) throw new ToolInputError('the range is longer than 100 000 days');
        let count = 0;
        for (const day of Interval.fromDateTimes(start, end).splitBy({ days: 1 }))
          if ((day.start as DateTime).weekday <= 5) count++;
        return count;
      },
    }),
    defineTool<{ birth_date: string; on_date: string }>({
      name: 'age_on_date',
      description: 'Compute a person’s age in years, months and days on a given date from their birth date.',
      category,
      tags: ['age', 'birthday', 'birth date', 'how old', 'years old'],
      parameters: {
        birth_date: dateField('The date of birth.'),
        on_date: dateField('The date to compute the age on.'),
      },
      handler: (args) => {
        const diff = parseDate(args.on_date).diff(parseDate(args.birth_date), ['years', 'months', 'days']);
        if (diff.years < 0) throw new ToolInputError('on_date is before birth_date');
        return { years: diff.years, months: diff.months, days: Math.floor(diff.days) };
      },
    }),
  ];
}
