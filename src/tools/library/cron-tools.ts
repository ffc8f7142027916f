// Cron tools on cron-parser: next and previous run times of a schedule and expression checks.
// The reference time is an argument, never the clock, so answers are deterministic.
import { CronExpressionParser } from 'cron-parser';
import { IANAZone } from 'luxon';
import { defineTool } from '../define-tool.js';
import { integer, nonEmptyText, text, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

const expression = nonEmptyText(
  'The cron expression: 5 fields (min hour day month weekday) or 6 with seconds, e.g. "0 9 * * 1-5".',
  200,
);
const after = nonEmptyText('The reference time (ISO 8601), e.g. "2024-03-15T08:00:00Z".', 64);
const timezone = withDefault(text('IANA time zone the schedule runs in.', 64), 'UTC');

function parse(args: { expression: string; from: string; timezone: string }) {
  if (!IANAZone.isValidZone(args.timezone)) throw new ToolInputError(`unknown time zone '${args.timezone}'`);
  if (Number.isNaN(Date.parse(args.from))) throw new ToolInputError(`from '${args.from}' is not an ISO 8601 date`);
  try {
    return CronExpressionParser.parse(args.expression, { currentDate: args.from, tz: args.timezone });
  } catch (error) {
    throw new ToolInputError(`invalid cron expression '${args.expression}': ${(error as Error).message}`);
  }
}

export function createCronTools(): ToolSpec[] {
  const category = 'cron';
  const runs =
    (direction: 'next' | 'prev') => (args: { expression: string; from: string; timezone: string; count: number }) => {
      const schedule = parse(args);
      return Array.from({ length: args.count }, () =>
        (direction === 'next' ? schedule.next() : schedule.prev()).toISOString(),
      );
    };
  return [
    defineTool({
      name: 'cron_next_runs',
      description: 'List the next run times of a cron schedule after a given time (when will this cron job run).',
      category,
      tags: ['cron', 'crontab', 'schedule', 'next run', 'job', 'recurring', 'when'],
      parameters: { expression, from: after, timezone, count: withDefault(integer('How many run times.', 1, 100), 5) },
      handler: runs('next'),
    }),
    defineTool({
      name: 'cron_previous_runs',
      description: 'List the most recent past run times of a cron schedule before a given time.',
      category,
      tags: ['cron', 'crontab', 'schedule', 'previous run', 'last run', 'job'],
      parameters: { expression, from: after, timezone, count: withDefault(integer('How many run times.', 1, 100), 5) },
      handler: runs('prev'),
    }),
    defineTool<{ expression: string }>({
      name: 'cron_validate',
      description: 'Check whether a cron expression is valid and show its expanded fields.',
      category,
      tags: ['cron', 'crontab', 'validate', 'check', 'syntax', 'expression'],
      parameters: { expression },
      handler: (args) => {
        try {
          const parsed = CronExpressionParser.parse(args.expression, {
            currentDate: '2000-01-01T00:00:00Z',
            tz: 'UTC',
          });
          return { valid: true, normalized: parsed.stringify(true) };
        } catch (error) {
          return { valid: false, reason: (error as Error).message };
        }
      },
    }),
  ];
}
