import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/time/index.js';

describe('workingMsBetween and addWorkingMs', () => {
  const calendar = createWorkingCalendar();
  const instants = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true });
  const durations = fc.integer({ min: 0, max: 30 * calendar.workingDayMs });

  it('given any start and amount, measuring back what was added gives the amount', () => {
    fc.assert(
      fc.property(instants, durations, (from, ms) => {
        const to = calendar.addWorkingMs(from, ms);

        expect(to.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(calendar.workingMsBetween(from, to)).toBe(ms);
      }),
      { numRuns: 300 },
    );
  });
});
