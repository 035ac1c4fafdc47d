import { analyseDesign, type DesignAnalysis, type DepartmentMeasuredFigures } from '@tongban/engine';
import type { Services } from '../app/services.js';
import type { Period } from '../calendar/index.js';
import { Problem } from '../http/problem.js';
import { applicationLimits, type ApplicationLimits } from './application-limits.js';
import { measure, type Measured } from './measure.js';
import { REPORT_INSTANCE_CAP, reportQuery, type ReportData } from './report-query.js';

/** One deployed version with its design analysis and the limits its applications are judged against. */
export interface VersionDesign {
  readonly processId: string;
  readonly version: number;
  readonly name?: string;
  readonly deployedAt: string;
  readonly design: DesignAnalysis;
  readonly limits: ApplicationLimits;
}

export interface ProcessMeasurement {
  readonly data: ReportData;
  readonly measured: Measured;
  /** Department figures with the department's names, for people to read. */
  readonly perDepartment: (DepartmentMeasuredFigures & { name?: string; nameEn?: string })[];
}

type ReportServices = Pick<Services, 'db' | 'store' | 'runtime' | 'calendar' | 'departments'>;

/**
 * Design and measured figures of one process, read from the store and
 * analysed with the server's working calendar. Design figures are those of
 * the latest version; measured ones cover every version's completed
 * instances in the period, each judged against its own version's limits.
 */
export function processReports(s: ReportServices) {
  const query = reportQuery(s.db);

  async function versionDesign(processId: string, version?: number): Promise<VersionDesign> {
    const record = await s.store.getDefinition(processId, version);
    if (!record) throw new Problem('not-found', `No process ${processId}${version === undefined ? '' : ` version ${version}`}`);
    const { model } = await s.runtime.processFor(processId, record.version);
    const design = analyseDesign(model);
    return {
      processId, version: record.version, deployedAt: record.deployedAt, design, limits: applicationLimits(model, design),
      ...(record.name !== undefined ? { name: record.name } : {}),
    };
  }

  async function measurement(latest: VersionDesign, period: Period): Promise<ProcessMeasurement> {
    const data = query.read(latest.processId, period);
    const designs = new Map([[latest.version, latest]]);
    for (const version of new Set(data.instances.map((i) => i.version))) {
      if (!designs.has(version)) designs.set(version, await versionDesign(latest.processId, version));
    }
    const measured = measure(data, s.calendar, (version) => designs.get(version)!.limits);
    const perDepartment = measured.perDepartment.map((d) => {
      const department = s.departments.get(d.department);
      return { ...d, ...(department ? { name: department.name, ...(department.nameEn !== undefined ? { nameEn: department.nameEn } : {}) } : {}) };
    });
    return { data, measured, perDepartment };
  }

  return {
    versionDesign,
    measurement,
    /** The figures of the process list: the design in brief, the measured figures over all departments. */
    async summary(processId: string, period: Period) {
      const latest = await versionDesign(processId);
      const { data, measured } = await measurement(latest, period);
      return {
        ...heading(latest),
        design: designBrief(latest.design),
        limits: latest.limits.view,
        measured: { ...counts(data), ...(measured.overall ? { overall: measured.overall } : {}) },
      };
    },
    /** The whole report of a process: full design analysis, measured per version, department and ISO week. */
    async detail(processId: string, period: Period) {
      const latest = await versionDesign(processId);
      const { data, measured, perDepartment } = await measurement(latest, period);
      return {
        ...heading(latest),
        period,
        design: latest.design,
        limits: latest.limits.view,
        measured: {
          ...counts(data),
          ...(measured.overall ? { overall: measured.overall } : {}),
          perVersion: measured.perVersion, perDepartment, perWeek: measured.perWeek,
        },
      };
    },
  };
}

export type ProcessReports = ReturnType<typeof processReports>;

function heading(v: VersionDesign) {
  return { processId: v.processId, version: v.version, deployedAt: v.deployedAt, ...(v.name !== undefined ? { name: v.name } : {}) };
}

function designBrief(d: DesignAnalysis) {
  return {
    asIsWorkingDays: d.asIs.workingDays, asIsBasis: d.asIs.basis, toBeWorkingDays: d.toBe.workingDays,
    ...(d.toBe.expectedWorkingDays !== undefined ? { toBeExpectedWorkingDays: d.toBe.expectedWorkingDays } : {}),
    compressionRatio: d.compressionRatio, ...(d.speedUp !== undefined ? { speedUp: d.speedUp } : {}),
    criticalDepartments: d.criticalDepartments,
  };
}

function counts(data: ReportData) {
  return { completed: data.total, analysed: data.instances.length, capped: data.capped, cap: REPORT_INSTANCE_CAP, inProgress: data.inProgress, acceptance: data.acceptance };
}
