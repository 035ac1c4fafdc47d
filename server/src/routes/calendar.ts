import { z } from 'zod';
import type { Services } from '../app/services.js';
import { CalendarYear, CivilDate, calendarOverridesTable, calendarYear, loadCalendar } from '../calendar/index.js';
import { Problem } from '../http/problem.js';
import { defineRoute, json, noContent } from '../http/route.js';

const Override = z.object({ date: z.string(), working: z.boolean(), name: z.string().optional(), updatedBy: z.string(), updatedAt: z.string() });
const YearDay = z.object({
  date: z.string(), working: z.boolean(), name: z.string().optional(), source: z.enum(['statutory', 'override']), weekend: z.boolean(),
  statutory: z.object({ working: z.boolean(), name: z.string().optional() }).optional(), updatedBy: z.string().optional(), updatedAt: z.string().optional(),
});
const YearView = z.object({
  year: z.number().int(), covered: z.boolean(), statutoryCovered: z.boolean(),
  warning: z.object({ code: z.literal('time/year-not-covered'), message: z.string(), messageEn: z.string() }).optional(),
  days: z.array(YearDay),
});
const DateParams = z.object({ date: CivilDate });

const NOT_RECOMPUTED = 'Deadlines already computed (open tasks, scheduled deadline timers) keep their instants; only deadlines computed after the change use it.';

/**
 * The working-day calendar administrators keep: statutory holidays and 调休
 * make-up days come from chinese-days; an override per date (a local
 * holiday, a notice the data does not carry yet) wins. Each change is
 * written with its audit row in one immediate transaction, then the
 * runtime's calendar is rebuilt.
 */
export function calendarRoutes(s: Services) {
  const overrides = calendarOverridesTable(s.db);
  const currentYear = () => Number(new Date(s.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  return [
    defineRoute({
      method: 'get', path: '/api/calendar', tag: 'calendar', access: 'signedIn',
      summary: 'The days of a year that differ from the weekday rule (holidays, 调休 make-up days) and the overrides, and whether the year is covered',
      query: z.object({ year: CalendarYear.optional() }),
      responses: { 200: { description: 'The year (default: the current one, China time)', schema: YearView } },
      handler: ({ query }) => {
        const year = query.year ?? currentYear();
        return json(200, calendarYear(year, overrides.ofYear(year), s.calendar));
      },
    }),
    defineRoute({
      method: 'put', path: '/api/calendar/overrides/:date', tag: 'calendar', access: ['admin'],
      summary: `Make a date a working day or a day off, winning over the statutory data. ${NOT_RECOMPUTED}`,
      params: DateParams,
      body: z.strictObject({ working: z.boolean(), name: z.string().trim().min(1).max(50).optional() }),
      responses: { 200: { description: 'Replaced', schema: Override }, 201: { description: 'Created', schema: Override } },
      handler: ({ params, body, user }) => {
        const at = s.clock.now().toISOString();
        const saved = { date: params.date, working: body.working, updatedBy: user.id, updatedAt: at, ...(body.name !== undefined ? { name: body.name } : {}) };
        const previous = s.db.transaction(() => {
          const before = overrides.get(params.date);
          overrides.put(saved);
          s.audit.append({
            at, actor: user.id, action: 'calendar.override.put', target: params.date,
            details: { working: body.working, ...(body.name !== undefined ? { name: body.name } : {}), ...(before ? { previous: { working: before.working, ...(before.name !== undefined ? { name: before.name } : {}) } } : {}) },
          });
          return before;
        }).immediate();
        loadCalendar(s);
        return json(previous ? 200 : 201, saved);
      },
    }),
    defineRoute({
      method: 'delete', path: '/api/calendar/overrides/:date', tag: 'calendar', access: ['admin'],
      summary: `Remove the override of a date: the statutory data (or the weekday rule) applies again. ${NOT_RECOMPUTED}`,
      params: DateParams,
      responses: { 204: { description: 'Removed' }, 404: { description: 'The date has no override' } },
      handler: ({ params, user }) => {
        const at = s.clock.now().toISOString();
        s.db.transaction(() => {
          const before = overrides.get(params.date);
          if (!before) throw new Problem('not-found', `No calendar override for ${params.date}`);
          overrides.remove(params.date);
          s.audit.append({
            at, actor: user.id, action: 'calendar.override.delete', target: params.date,
            details: { previous: { working: before.working, ...(before.name !== undefined ? { name: before.name } : {}) } },
          });
        }).immediate();
        loadCalendar(s);
        return noContent();
      },
    }),
  ];
}
