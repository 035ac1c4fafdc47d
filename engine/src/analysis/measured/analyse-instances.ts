import type { TaskRecord } from '../../runtime/index.js';
import { parseLimit, type Limit, type WorkingCalendar } from '../../time/index.js';
import { criticalChain } from './critical-chain.js';
import { durationFigures, groupBy, type Sample } from './duration-figures.js';
import { isoWeekInChina } from './iso-week.js';
import { limitWorkingMs } from './limit-ms.js';
import { instancePauses, pausedWorkingMs, type Interval } from './pauses.js';
import type {
  DepartmentMeasuredFigures, InstanceFigures, MeasuredAnalysis, MeasuredInput, MeasuredInstance, MeasuredOptions, VersionFigures, WeekFigures,
} from './types.js';

/**
 * Measured processing times (docs/analysis.md): per completed instance its
 * working time from start to end less the clock pauses, whether it kept the
 * promised and legal limits, and the departments on its critical path; then
 * figures per process version, per department (its tasks' own working
 * times) and per ISO week of the end date (China time).
 */
export function analyseInstances(input: MeasuredInput, options: MeasuredOptions = {}): MeasuredAnalysis {
  const { calendar } = input;
  const tasksOf = groupBy(input.tasks, (t) => t.instanceId);
  const historyOf = groupBy(input.history ?? [], (h) => h.instanceId);
  const pausesOf = new Map<string, Interval[]>();
  const pausesFor = (instance: MeasuredInstance): Interval[] => {
    let pauses = pausesOf.get(instance.id);
    if (!pauses) {
      const end = instance.endedAt !== undefined ? Date.parse(instance.endedAt) : Number.POSITIVE_INFINITY;
      pauses = instancePauses(instance, Date.parse(instance.createdAt), end, options.pauses, historyOf);
      pausesOf.set(instance.id, pauses);
    }
    return pauses;
  };

  const instances: InstanceFigures[] = [];
  let unfinished = 0;
  for (const instance of input.instances) {
    if (instance.status !== 'completed' || instance.endedAt === undefined) unfinished++;
    else instances.push(instanceFigures(instance, instance.endedAt, pausesFor(instance), tasksOf.get(instance.id) ?? [], input));
  }
  instances.sort((a, b) => Date.parse(a.endedAt) - Date.parse(b.endedAt));

  const byId = new Map(input.instances.map((i) => [i.id, i]));
  const dayMs = calendar.workingDayMs;
  const perVersion: VersionFigures[] = [...groupBy(instances, (i) => `${i.processId}\u0000${i.version}`).values()]
    .map((group) => ({
      processId: group[0]!.processId,
      version: group[0]!.version,
      ...durationFigures(group, dayMs),
      criticalDepartments: countDepartments(group),
    }))
    .sort((a, b) => (a.processId === b.processId ? a.version - b.version : a.processId < b.processId ? -1 : 1));
  const perWeek: WeekFigures[] = [...groupBy(instances, (i) => i.week)]
    .map(([week, group]) => ({ week, ...durationFigures(group, dayMs) }))
    .sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  return { instances, unfinished, perVersion, perDepartment: perDepartment(input, instances, byId, pausesFor), perWeek };
}

function instanceFigures(
  instance: MeasuredInstance,
  endedAt: string,
  pauses: readonly Interval[],
  tasks: readonly TaskRecord[],
  input: MeasuredInput,
): InstanceFigures {
  const { calendar } = input;
  const start = Date.parse(instance.createdAt);
  const end = Date.parse(endedAt);
  const pausedMs = pausedWorkingMs(calendar, pauses, start, end);
  const workingMs = Math.max(0, calendar.workingMsBetween(new Date(start), new Date(end)) - pausedMs);
  const onTimePromised = keeps(workingMs, input.promisedLimit, calendar, start);
  const onTimeLegal = keeps(workingMs, input.legalLimit, calendar, start);
  const chain = criticalChain(tasks);
  return {
    instanceId: instance.id,
    processId: instance.processId,
    version: instance.version,
    createdAt: instance.createdAt,
    endedAt,
    week: isoWeekInChina(endedAt),
    workingMs,
    workingDays: workingMs / calendar.workingDayMs,
    pausedMs,
    ...(onTimePromised !== undefined ? { onTimePromised } : {}),
    ...(onTimeLegal !== undefined ? { onTimeLegal } : {}),
    criticalTasks: chain.map((t) => t.elementId),
    criticalDepartments: [...new Set(chain.map((t) => t.department ?? ''))].filter((d) => d !== ''),
  };
}

function keeps(workingMs: number, limit: Limit | undefined, calendar: WorkingCalendar, start: number): boolean | undefined {
  return limit === undefined ? undefined : workingMs <= limitWorkingMs(limit, calendar, new Date(start));
}

function countDepartments(group: readonly InstanceFigures[]): { department: string; instances: number }[] {
  const counts = new Map<string, number>();
  for (const i of group) for (const d of i.criticalDepartments) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts].map(([department, instances]) => ({ department, instances })).sort((a, b) => b.instances - a.instances);
}

/** Every completed task's own working time (less its instance's pauses), against the task's own limits. */
function perDepartment(
  input: MeasuredInput,
  instances: readonly InstanceFigures[],
  byId: ReadonlyMap<string, MeasuredInstance>,
  pausesFor: (instance: MeasuredInstance) => Interval[],
): DepartmentMeasuredFigures[] {
  const { calendar } = input;
  const samples = new Map<string, Sample[]>();
  for (const task of input.tasks) {
    if (task.status !== 'completed' || task.closedAt === undefined) continue;
    const start = Date.parse(task.createdAt);
    const end = Date.parse(task.closedAt);
    const instance = byId.get(task.instanceId);
    const paused = instance ? pausedWorkingMs(calendar, pausesFor(instance), start, end) : 0;
    const workingMs = Math.max(0, calendar.workingMsBetween(new Date(start), new Date(end)) - paused);
    const judge = (text: string | undefined) => {
      const parsed = text === undefined ? undefined : parseLimit(text);
      return parsed?.ok ? keeps(workingMs, parsed.limit, calendar, start) : undefined;
    };
    const sample: Sample = { workingMs, ...optional('onTimePromised', judge(task.timeLimit)), ...optional('onTimeLegal', judge(task.legalTimeLimit)) };
    const department = task.department ?? '';
    const list = samples.get(department);
    if (list) list.push(sample);
    else samples.set(department, [sample]);
  }
  const critical = new Map<string, number>();
  for (const i of instances) for (const d of i.criticalDepartments) critical.set(d, (critical.get(d) ?? 0) + 1);
  return [...samples]
    .map(([department, list]) => ({ department, ...durationFigures(list, calendar.workingDayMs), onCriticalPath: critical.get(department) ?? 0 }))
    .sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
}

function optional<K extends string>(key: K, value: boolean | undefined): Partial<Record<K, boolean>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, boolean>);
}
