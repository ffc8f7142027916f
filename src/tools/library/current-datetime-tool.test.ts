import { describe, expect, it } from 'vitest';
import { toolContext } from '../test-support/tool-test-context.js';
import { createToolRegistry } from '../tool-registry.js';
import { createCurrentDatetimeTool } from './current-datetime-tool.js';

// 2024-02-29T23:30:00Z: a leap day, late enough that Tokyo is already on 1 March.
const FIXED_NOW = Date.UTC(2024, 1, 29, 23, 30, 0);

describe('current_datetime', () => {
  const registry = createToolRegistry({
    tools: [createCurrentDatetimeTool({ now: () => FIXED_NOW })],
    timeoutMs: 1_000,
  });

  it('tells the current date and time in UTC by default', async () => {
    const result = await registry.run('current_datetime', {}, toolContext('/nonexistent'));
    expect(result.ok && result.value).toEqual({
      datetime: '2024-02-29T23:30:00Z',
      date: '2024-02-29',
      time: '23:30:00',
      weekday: 'Thursday',
      time_zone: 'UTC',
      offset: '+00:00',
      unix_seconds: FIXED_NOW / 1000,
      readable: 'Thursday 29 February 2024 23:30',
    });
  });

  it('answers in an IANA time zone and rejects unknown ones', async () => {
    const tokyo = await registry.run('current_datetime', { time_zone: 'Asia/Tokyo' }, toolContext('/nonexistent'));
    expect(tokyo.ok && tokyo.value).toMatchObject({
      date: '2024-03-01',
      time: '08:30:00',
      weekday: 'Friday',
      offset: '+09:00',
    });
    const unknown = await registry.run('current_datetime', { time_zone: 'Mars/Olympus' }, toolContext('/nonexistent'));
    expect(unknown).toMatchObject({ ok: false, kind: 'tool_error' });
    expect(!unknown.ok && unknown.error).toMatch(/unknown time zone 'Mars\/Olympus'/);
  });

  it('reads the system clock when none is injected', async () => {
    const live = createToolRegistry({ tools: [createCurrentDatetimeTool()], timeoutMs: 1_000 });
    const before = Math.floor(Date.now() / 1000);
    const result = await live.run('current_datetime', {}, toolContext('/nonexistent'));
    const seconds = result.ok ? (result.value as { unix_seconds: number }).unix_seconds : -1;
    expect(seconds).toBeGreaterThanOrEqual(before);
    expect(seconds).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });
});
