// The one datetime tool that reads the clock: the current date and time in a time zone. The clock is
// injected so tests (and callers that need a fixed "now") stay deterministic.
import { DateTime, IANAZone } from 'luxon';
import { defineTool } from '../define-tool.js';
import { text, withDefault } from '../schema-fields.js';
import { ToolInputError } from '../tool-input-error.js';
import type { ToolSpec } from '../tool-spec.js';

export interface CurrentDatetimeOptions {
  /** Milliseconds since the epoch; defaults to the system clock. */
  now?: () => number;
}

export function createCurrentDatetimeTool(options: CurrentDatetimeOptions = {}): ToolSpec<{ time_zone: string }> {
  const now = options.now ?? Date.now;
  return defineTool<{ time_zone: string }>({
    name: 'current_datetime',
    description:
      "Tell the current date and time (today's date, the time now, the weekday) in UTC or any IANA time zone.",
    category: 'datetime',
    tags: ['now', 'today', 'current time', 'current date', 'clock', 'what time is it', 'date today', 'timestamp'],
    parameters: {
      time_zone: withDefault(text('An IANA time zone such as "Europe/Paris" or "America/New_York".', 64), 'UTC'),
    },
    handler: (args) => {
      const zone = args.time_zone.trim() || 'UTC';
      if (!IANAZone.isValidZone(zone)) throw new ToolInputError(`unknown time zone '${zone}'`);
      const current = DateTime.fromMillis(now(), { zone }).setLocale('en');
      return {
        datetime: current.toISO({ suppressMilliseconds: true }),
        date: current.toISODate(),
        time: current.toFormat('HH:mm:ss'),
        weekday: current.toFormat('cccc'),
        time_zone: zone,
        offset: current.toFormat('ZZ'),
        unix_seconds: Math.floor(current.toSeconds()),
        readable: current.toFormat('cccc d LLLL yyyy HH:mm'),
      };
    },
  });
}
