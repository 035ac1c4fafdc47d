import { afterEach, describe, expect, it, vi } from 'vitest';
import { dueCases } from './calendar-cases.js';

/**
 * The calendar works in China Standard Time whatever the process's time
 * zone. Node re-reads TZ when it is assigned; the modules are loaded again
 * after the change, so tables built at load time are built in that zone.
 */
describe.each(['UTC', 'America/New_York'])('with TZ=%s', (zone) => {
  const saved = process.env.TZ;

  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('computes the same due dates and working days', async () => {
    process.env.TZ = zone;
    vi.resetModules();
    const { createWorkingCalendar, formatCstInstant, parseCstInstant } = await import('../../src/time/index.js');
    const calendar = createWorkingCalendar();

    // The zone really is in force: 2026-01-01 00:00 UTC is local 2025-12-31 in New York.
    expect(new Date(Date.UTC(2026, 0, 1)).getDate()).toBe(zone === 'UTC' ? 1 : 31);
    for (const { from, limit, due } of dueCases) {
      const start = parseCstInstant(from);
      expect(start).toBeDefined();
      if (start) expect(formatCstInstant(calendar.dueAt(start, limit))).toBe(due);
    }
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-15')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(parseCstInstant('2026-09-30T10:00')?.toISOString()).toBe('2026-09-30T02:00:00.000Z');
  });
});
