import { z } from 'zod';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` that names a real day: `2026-02-30` and `2026-13-01` are refused, not rolled over. */
export function isCivilDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** A civil date in China Standard Time, as the working-day calendar keys its days. */
export const CivilDate = z.string()
  .regex(DATE, 'A date written YYYY-MM-DD')
  .refine(isCivilDate, 'Not a real calendar date');

/** Years the calendar answers for; the holiday data covers 2004–2026, overrides may go further. */
export const CalendarYear = z.coerce.number().int().min(2000).max(2100);
