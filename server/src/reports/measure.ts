import {
  analyseInstances, durationFigures, type DepartmentMeasuredFigures, type DurationFigures, type InstanceFigures, type Limit, type VersionFigures, type WeekFigures, type WorkingCalendar,
} from '@tongban/engine';
import type { ReportData } from './report-query.js';

export interface Measured {
  /** Every analysed instance, by end time. */
  readonly instances: InstanceFigures[];
  readonly overall?: DurationFigures;
  readonly perVersion: VersionFigures[];
  readonly perDepartment: DepartmentMeasuredFigures[];
  readonly perWeek: WeekFigures[];
}

/**
 * The engine's measured analysis, run once per version: each version is
 * judged against its own whole-application limits, since a new version may
 * promise something else. The overall and weekly figures are then taken
 * over all versions together. Department figures depend only on each
 * task's own limits; with several versions they come from one more run over
 * everything.
 */
export function measure(
  data: ReportData,
  calendar: WorkingCalendar,
  limitsOf: (version: number) => { readonly promised?: Limit; readonly legal?: Limit },
): Measured {
  const versions = [...new Set(data.instances.map((i) => i.version))].sort((a, b) => a - b);
  const tasksOf = new Map<string, typeof data.tasks>();
  for (const t of data.tasks) {
    const list = tasksOf.get(t.instanceId);
    if (list) list.push(t);
    else tasksOf.set(t.instanceId, [t]);
  }
  const runs = versions.map((version) => {
    const instances = data.instances.filter((i) => i.version === version);
    const limits = limitsOf(version);
    return analyseInstances({
      instances, tasks: instances.flatMap((i) => tasksOf.get(i.id) ?? []), history: data.history, calendar,
      ...(limits.promised ? { promisedLimit: limits.promised } : {}), ...(limits.legal ? { legalLimit: limits.legal } : {}),
    });
  });
  const instances = runs.flatMap((r) => r.instances).sort((a, b) => Date.parse(a.endedAt) - Date.parse(b.endedAt));
  const perDepartment = runs.length === 1
    ? runs[0]!.perDepartment
    : runs.length === 0 ? [] : analyseInstances({ instances: data.instances, tasks: data.tasks, history: data.history, calendar }).perDepartment;
  const weeks = new Map<string, InstanceFigures[]>();
  for (const i of instances) {
    const group = weeks.get(i.week);
    if (group) group.push(i);
    else weeks.set(i.week, [i]);
  }
  // Runs of different versions combine: the engine's figures over all their instances.
  const summarise = (group: readonly InstanceFigures[]) => (group.length === 0 ? undefined : durationFigures(group, calendar.workingDayMs));
  const overall = summarise(instances);
  return {
    instances,
    ...(overall ? { overall } : {}),
    perVersion: runs.flatMap((r) => r.perVersion),
    perDepartment,
    perWeek: [...weeks].sort(([a], [b]) => (a < b ? -1 : 1)).map(([week, group]) => ({ week, ...summarise(group)! })),
  };
}
