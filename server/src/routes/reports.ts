import { z } from 'zod';
import type { Services } from '../app/services.js';
import { PeriodQuery, periodOf } from '../calendar/index.js';
import { definitionsQuery } from '../definitions/index.js';
import { defineRoute, json } from '../http/route.js';
import { csvDocument, departmentRows, instanceRows, processReports, REPORT_INSTANCE_CAP } from '../reports/index.js';
import { Id, pageOf, pageSchema } from './common.js';

/** Each process on a page is a measured analysis of up to REPORT_INSTANCE_CAP instances, so pages stay small. */
const REPORT_PAGE = 20;

const OnTime = z.object({ judged: z.number().int(), onTime: z.number().int(), overdue: z.number().int(), rate: z.number().optional() });
const Durations = z.object({
  count: z.number().int(), p50WorkingDays: z.number(), p90WorkingDays: z.number(), meanWorkingDays: z.number(), promised: OnTime, legal: OnTime,
});
const LimitView = z.object({ source: z.enum(['process', 'design', 'none']), text: z.string().optional(), workingDays: z.number().optional() });
const Limits = z.object({ promised: LimitView, legal: LimitView }).describe('The whole application\'s limits each instance is judged against: tb:timeLimit / tb:legalTimeLimit on the process, else the design analysis (to-be / as-is)');
const Counts = {
  completed: z.number().int().describe('Completed instances in the period'),
  analysed: z.number().int().describe('Of those, the latest by end date, at most `cap`'),
  capped: z.boolean(), cap: z.number().int(),
  inProgress: z.number().int().describe('Instances still running, whatever the period'),
  acceptance: z.object({
    withMissingMaterials: z.number().int(), withCommitments: z.number().int(), awaitingSupplement: z.number().int(), endedForMissingMaterial: z.number().int(),
  }).describe('Applications received in the period with 容缺受理 (missing materials) or 告知承诺 (commitments), and how the missing materials went'),
};
const Heading = { processId: z.string(), version: z.number().int(), deployedAt: z.string(), name: z.string().optional() };
const ProcessSummary = z.object({
  ...Heading,
  design: z.object({
    asIsWorkingDays: z.number(), asIsBasis: z.string(), toBeWorkingDays: z.number(), toBeExpectedWorkingDays: z.number().optional(),
    compressionRatio: z.number(), speedUp: z.number().optional(), criticalDepartments: z.array(z.string()),
  }),
  limits: Limits,
  measured: z.object({ ...Counts, overall: Durations.optional() }),
});
const ProcessDetail = z.object({
  ...Heading,
  period: z.object({ from: z.string().optional(), to: z.string().optional() }).describe('UTC instants, `to` exclusive'),
  design: z.record(z.string(), z.unknown()).describe('The design analysis of the latest version (docs/analysis.md)'),
  limits: Limits,
  measured: z.object({
    ...Counts,
    overall: Durations.optional(),
    perVersion: z.array(Durations.extend({ processId: z.string(), version: z.number().int(), criticalDepartments: z.array(z.object({ department: z.string(), instances: z.number().int() })) })),
    perDepartment: z.array(Durations.extend({ department: z.string(), name: z.string().optional(), nameEn: z.string().optional(), onCriticalPath: z.number().int() })),
    perWeek: z.array(Durations.extend({ week: z.string() })),
  }),
});

const PERIOD_NOTE = '`from`/`to`: end date of the application, a date (China time; `to` counts that whole day) or an instant.';

/**
 * Time-limit reports (办理时限压缩) for managers and administrators: design
 * figures of the latest version beside what completed applications
 * measured. Designers read the design analysis through
 * `/api/definitions/…/analysis`; the measured figures describe clerks'
 * work, so they stay with the roles that oversee it.
 */
export function reportRoutes(s: Services) {
  const reports = processReports(s);
  const definitions = definitionsQuery(s.db);
  const ProcessParams = z.object({ processId: Id });
  return [
    defineRoute({
      method: 'get', path: '/api/reports/processes', tag: 'reports', access: ['manager', 'admin'],
      summary: `Every deployed process (latest version): design figures and measured figures of its completed applications. ${PERIOD_NOTE}`,
      query: PeriodQuery.extend({
        limit: z.coerce.number().int().min(1).max(REPORT_PAGE).default(REPORT_PAGE),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      responses: { 200: { description: 'A page of processes', schema: pageSchema(ProcessSummary) } },
      handler: async ({ query }) => {
        const period = periodOf(query);
        const page = definitions.latest(query);
        const items = [];
        for (const p of page.items) items.push(await reports.summary(p.processId, period));
        return json(200, pageOf(items, page.total, query));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/reports/processes/:processId', tag: 'reports', access: ['manager', 'admin'],
      summary: `One process: full design analysis; measured figures overall, per version, per department and per ISO week of the end date. ${PERIOD_NOTE}`,
      params: ProcessParams,
      query: PeriodQuery,
      responses: { 200: { description: 'The report', schema: ProcessDetail }, 404: { description: 'No such process' } },
      handler: async ({ params, query }) => json(200, await reports.detail(params.processId, periodOf(query))),
    }),
    defineRoute({
      method: 'get', path: '/api/reports/processes/:processId/export.csv', tag: 'reports', access: ['manager', 'admin'],
      summary: `CSV for spreadsheets (UTF-8 with BOM): one row per completed application (rows=instances, default) or per department (rows=departments); Chinese headers, English with lang=en. At most ${REPORT_INSTANCE_CAP} applications, the latest; X-Report-Capped says when there were more. ${PERIOD_NOTE}`,
      params: ProcessParams,
      query: PeriodQuery.extend({ rows: z.enum(['instances', 'departments']).default('instances'), lang: z.enum(['zh', 'en']).default('zh') }),
      responses: { 200: { description: 'The CSV file', contentType: 'text/csv' }, 404: { description: 'No such process' } },
      handler: async ({ params, query }) => {
        const latest = await reports.versionDesign(params.processId);
        const m = await reports.measurement(latest, periodOf(query));
        const departmentName = (id: string) => {
          const d = s.departments.get(id);
          return (query.lang === 'en' ? d?.nameEn : undefined) ?? d?.name ?? id;
        };
        const rows = query.rows === 'departments' ? departmentRows(m, query.lang) : instanceRows(m, query.lang, s.calendar.workingDayMs, departmentName);
        const file = `${params.processId.replace(/[^\w.-]/g, '_')}-${query.rows}.csv`;
        return {
          status: 200, text: csvDocument(rows), contentType: 'text/csv; charset=utf-8',
          headers: { 'Content-Disposition': `attachment; filename="${file}"`, 'X-Report-Capped': String(m.data.capped), 'X-Report-Total': String(m.data.total) },
        };
      },
    }),
  ];
}
