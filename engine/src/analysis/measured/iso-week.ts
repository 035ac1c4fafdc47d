const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/**
 * ISO 8601 week (`2025-W03`) of an instant's civil date in China Standard
 * Time: weeks start on Monday, week 1 holds the year's first Thursday, so
 * 2024-12-30 belongs to 2025-W01.
 */
export function isoWeekInChina(instant: string): string {
  const local = new Date(Date.parse(instant) + CST_OFFSET_MS);
  const weekday = (local.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - weekday + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
