import { formatCstInstant } from '@tongban/engine';
import type { Cell } from './csv.js';
import type { ProcessMeasurement } from './process-report.js';

export type CsvLanguage = 'zh' | 'en';
export type CsvRows = 'instances' | 'departments';

const INSTANCE_HEADERS = {
  zh: ['申请编号', '流程版本', '受理时间', '办结时间', '办结周', '办理用时（工作日）', '暂停用时（工作日）', '承诺时限内', '法定时限内', '关键路径部门'],
  en: ['Application', 'Version', 'Started', 'Completed', 'Week', 'Working days', 'Paused working days', 'Within promised limit', 'Within legal limit', 'Critical-path departments'],
};

const DEPARTMENT_HEADERS = {
  zh: ['部门编号', '部门名称', '办件数', '中位用时（工作日）', 'P90 用时（工作日）', '平均用时（工作日）', '承诺时限内', '承诺超时', '承诺按时率', '法定时限内', '法定超时', '法定按时率', '处于关键路径次数'],
  en: ['Department ID', 'Department', 'Tasks', 'Median working days', 'P90 working days', 'Mean working days', 'Within promised', 'Over promised', 'Promised on-time rate', 'Within legal', 'Over legal', 'Legal on-time rate', 'Times on critical path'],
};

/**
 * One row per completed application (the default export: what a manager
 * filters and pivots), times in China Standard Time as `YYYY-MM-DD HH:MM:SS`
 * so a spreadsheet reads them as date-times, durations in working days to
 * two decimals.
 */
export function instanceRows(m: ProcessMeasurement, lang: CsvLanguage, workingDayMs: number, departmentName: (id: string) => string): Cell[][] {
  return [
    INSTANCE_HEADERS[lang],
    ...m.measured.instances.map((i): Cell[] => [
      i.instanceId, i.version, cst(i.createdAt), cst(i.endedAt), i.week,
      round(i.workingDays, 2), round(i.pausedMs / workingDayMs, 2),
      verdict(i.onTimePromised, lang), verdict(i.onTimeLegal, lang),
      i.criticalDepartments.map(departmentName).join(lang === 'zh' ? '、' : '; '),
    ]),
  ];
}

/** One row per department: its completed tasks' own working times against each task's limits. */
export function departmentRows(m: ProcessMeasurement, lang: CsvLanguage): Cell[][] {
  return [
    DEPARTMENT_HEADERS[lang],
    ...m.perDepartment.map((d): Cell[] => [
      d.department, (lang === 'en' ? d.nameEn : undefined) ?? d.name, d.count,
      round(d.p50WorkingDays, 2), round(d.p90WorkingDays, 2), round(d.meanWorkingDays, 2),
      d.promised.onTime, d.promised.overdue, d.promised.rate === undefined ? undefined : round(d.promised.rate, 4),
      d.legal.onTime, d.legal.overdue, d.legal.rate === undefined ? undefined : round(d.legal.rate, 4),
      d.onCriticalPath,
    ]),
  ];
}

function cst(instant: string): string {
  return formatCstInstant(new Date(instant)).slice(0, 19).replace('T', ' ');
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function verdict(value: boolean | undefined, lang: CsvLanguage): string | undefined {
  if (value === undefined) return undefined;
  return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
}
