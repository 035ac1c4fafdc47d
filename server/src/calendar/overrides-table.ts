import type Database from 'better-sqlite3';

/** An administrator's decision about one date (调休, a local holiday), winning over the statutory data. */
export interface CalendarOverride {
  readonly date: string;
  readonly working: boolean;
  readonly name?: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

interface Row { date: string; working: number; name: string | null; updated_by: string; updated_at: string }

const toOverride = (r: Row): CalendarOverride => ({
  date: r.date, working: r.working === 1, updatedBy: r.updated_by, updatedAt: r.updated_at, ...(r.name !== null ? { name: r.name } : {}),
});

/**
 * The `calendar_overrides` table (migration 2). It holds a few dozen rows a
 * year at most, so reading all of it to build the calendar is fine.
 */
export function calendarOverridesTable(db: Database.Database) {
  const all = db.prepare<[], Row>('SELECT * FROM calendar_overrides ORDER BY date');
  const between = db.prepare<[string, string], Row>('SELECT * FROM calendar_overrides WHERE date >= ? AND date <= ? ORDER BY date');
  const byDate = db.prepare<[string], Row>('SELECT * FROM calendar_overrides WHERE date = ?');
  const upsert = db.prepare<[string, number, string | null, string, string]>(`INSERT INTO calendar_overrides (date, working, name, updated_by, updated_at)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (date) DO UPDATE SET working = excluded.working, name = excluded.name,
    updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
  const remove = db.prepare<[string]>('DELETE FROM calendar_overrides WHERE date = ?');
  return {
    all: (): CalendarOverride[] => all.all().map(toOverride),
    ofYear: (year: number): CalendarOverride[] => between.all(`${year}-01-01`, `${year}-12-31`).map(toOverride),
    get: (date: string): CalendarOverride | undefined => {
      const row = byDate.get(date);
      return row ? toOverride(row) : undefined;
    },
    put: (o: CalendarOverride): void => {
      upsert.run(o.date, o.working ? 1 : 0, o.name ?? null, o.updatedBy, o.updatedAt);
    },
    /** Whether there was a row to delete. */
    remove: (date: string): boolean => remove.run(date).changes > 0,
  };
}

export type CalendarOverridesTable = ReturnType<typeof calendarOverridesTable>;
