import { describe, expect, it } from 'vitest';
import { analyseInstances, isoWeekInChina, nearestRank, type HistoryRecord, type InstanceRecord, type TaskRecord } from '../../src/index.js';
import { cst, fakeCalendar } from './fake-calendar.js';

const H = 3600_000;

function instance(id: string, version: number, createdAt: string, endedAt?: string, extra: Partial<InstanceRecord> = {}): InstanceRecord {
  return {
    id, processId: 'permit', version, status: endedAt === undefined ? 'active' : 'completed', revision: 1, snapshot: '{}', incidents: [],
    createdAt: cst(createdAt), updatedAt: cst(endedAt ?? createdAt), ...(endedAt !== undefined ? { endedAt: cst(endedAt) } : {}), ...extra,
  };
}

const LIMITS: Record<string, { timeLimit: string; legalTimeLimit?: string }> = {
  accept: { timeLimit: '4wh' },
  market: { timeLimit: '1wd', legalTimeLimit: '3wd' },
  tax: { timeLimit: '1wd' },
  deliver: { timeLimit: '2wh' },
};
const DEPARTMENT: Record<string, string> = { accept: 'front-desk', market: 'market', tax: 'tax', deliver: 'front-desk', review: 'police' };

function task(instanceId: string, elementId: string, createdAt: string, closedAt: string, status: TaskRecord['status'] = 'completed'): TaskRecord {
  return {
    id: `${instanceId}:${elementId}`, instanceId, processId: 'permit', elementId, department: DEPARTMENT[elementId]!, ...LIMITS[elementId],
    activation: 1, status, createdAt: cst(createdAt), closedAt: cst(closedAt),
  };
}

/**
 * The fake calendar works Monday to Friday, 09:00–17:00 China time (8 h a
 * day); 2025-03-03 is a Monday. Promised limit 2wd = 16 h, legal 5wd = 40 h.
 *
 *   i1 v1  Mon 03-03 09:00 → Mon 03-03 17:00           8 h = 1 wd
 *   i2 v1  Tue 03-04 14:00 → Thu 03-06 11:00           3 + 8 + 2 = 13 h = 1.625 wd
 *   i3 v1  Fri 03-07 16:00 → Wed 03-12 12:00           1 + 8 + 8 + 3 = 20 h, less the pause
 *          Mon 03-10 09:00 → Tue 03-11 09:00 (8 h)     = 12 h = 1.5 wd
 *   i4 v2  Mon 03-10 09:00 → Mon 03-17 08:30           5 · 8 = 40 h = 5 wd (ends before office hours)
 *   i5 v2  Mon 03-17 09:00 → Tue 03-25 10:00           40 + 8 + 1 = 49 h = 6.125 wd
 *   i6 v2  still running: left out
 */
const instances = [
  instance('i1', 1, '2025-03-03 09:00', '2025-03-03 17:00'),
  instance('i2', 1, '2025-03-04 14:00', '2025-03-06 11:00'),
  instance('i3', 1, '2025-03-07 16:00', '2025-03-12 12:00'),
  instance('i4', 2, '2025-03-10 09:00', '2025-03-17 08:30'),
  instance('i5', 2, '2025-03-17 09:00', '2025-03-25 10:00'),
  instance('i6', 2, '2025-03-25 09:00'),
];
const i3Pause = { from: cst('2025-03-10 09:00'), to: cst('2025-03-11 09:00') };

const tasks = [
  task('i1', 'accept', '2025-03-03 09:00', '2025-03-03 10:00'),
  task('i1', 'market', '2025-03-03 10:00', '2025-03-03 15:00'),
  task('i1', 'tax', '2025-03-03 10:00', '2025-03-03 12:00'),
  task('i1', 'deliver', '2025-03-03 15:00', '2025-03-03 17:00'),
  task('i2', 'accept', '2025-03-04 14:00', '2025-03-04 15:00'),
  task('i2', 'market', '2025-03-04 15:00', '2025-03-05 10:00'),
  task('i2', 'tax', '2025-03-04 15:00', '2025-03-05 16:00'),
  task('i2', 'review', '2025-03-04 15:00', '2025-03-05 16:00', 'cancelled'),
  task('i2', 'deliver', '2025-03-05 16:00', '2025-03-06 11:00'),
];

const analyse = () => analyseInstances(
  { instances, tasks, calendar: fakeCalendar, promisedLimit: { amount: 2, unit: 'wd' }, legalLimit: { amount: 5, unit: 'wd' } },
  { pauses: new Map([['i3', [i3Pause]]]) },
);

describe('analyseInstances', () => {
  it('measures each completed instance in working time, less its pauses, against the limits', () => {
    const result = analyse();

    expect(result.unfinished).toBe(1);
    expect(result.instances.map((i) => [i.instanceId, i.workingMs / H, i.workingDays, i.pausedMs / H, i.onTimePromised, i.onTimeLegal])).toEqual([
      ['i1', 8, 1, 0, true, true],
      ['i2', 13, 1.625, 0, true, true],
      ['i3', 12, 1.5, 8, true, true], // 20 h without the pause would miss the 16 h promise
      ['i4', 40, 5, 0, false, true], // exactly the legal 40 h is on time
      ['i5', 49, 6.125, 0, false, false],
    ]);
  });

  it('finds the departments on each instance critical path from the last-completing task before each join', () => {
    const result = analyse();
    const byId = new Map(result.instances.map((i) => [i.instanceId, i]));

    // i1: deliver (opened 15:00) ← market (closed 15:00; tax closed at 12:00) ← accept.
    expect(byId.get('i1')?.criticalTasks).toEqual(['accept', 'market', 'deliver']);
    expect(byId.get('i1')?.criticalDepartments).toEqual(['front-desk', 'market']);
    // i2: deliver (opened Wed 16:00) ← tax (closed Wed 16:00; market at 10:00) ← accept.
    expect(byId.get('i2')?.criticalDepartments).toEqual(['front-desk', 'tax']);
  });

  it('groups by process version with nearest-rank p50 and p90 and on-time rates', () => {
    const [v1, v2] = analyse().perVersion;

    // v1: 1, 1.5, 1.625 → p50 = value #ceil(1.5) = #2 = 1.5; p90 = #ceil(2.7) = #3 = 1.625; mean 4.125 / 3.
    expect(v1).toMatchObject({ processId: 'permit', version: 1, count: 3, p50WorkingDays: 1.5, p90WorkingDays: 1.625 });
    expect(v1!.meanWorkingDays).toBeCloseTo(1.375, 10);
    expect(v1!.promised).toEqual({ judged: 3, onTime: 3, overdue: 0, rate: 1 });
    expect(v1!.criticalDepartments).toEqual([{ department: 'front-desk', instances: 2 }, { department: 'market', instances: 1 }, { department: 'tax', instances: 1 }]);
    // v2: 5, 6.125 → p50 = #ceil(1) = #1 = 5; p90 = #ceil(1.8) = #2 = 6.125.
    expect(v2).toMatchObject({ version: 2, count: 2, p50WorkingDays: 5, p90WorkingDays: 6.125 });
    expect(v2!.promised).toEqual({ judged: 2, onTime: 0, overdue: 2, rate: 0 });
    expect(v2!.legal).toEqual({ judged: 2, onTime: 1, overdue: 1, rate: 0.5 });
  });

  it('groups by ISO week of the end date in China time', () => {
    const weeks = analyse().perWeek.map((w) => [w.week, w.count, w.p50WorkingDays, w.p90WorkingDays]);

    // 2025-03-03 (Mon) starts week 10. i4 ended Mon 03-17 08:30 in China, still Sunday in UTC: week 12, not 11.
    expect(weeks).toEqual([
      ['2025-W10', 2, 1, 1.625],
      ['2025-W11', 1, 1.5, 1.5],
      ['2025-W12', 1, 5, 5],
      ['2025-W13', 1, 6.125, 6.125],
    ]);
  });

  it('measures departments by their completed tasks against each task own limits', () => {
    const rows = analyse().perDepartment.map((d) => [d.department, d.count, d.p50WorkingDays, d.p90WorkingDays, d.promised, d.legal.judged, d.onCriticalPath]);

    // front-desk: 1, 2, 1, 3 h → 0.125, 0.125, 0.25, 0.375 wd; p50 #2, p90 #ceil(3.6) = #4.
    //   Promises 4wh, 4wh, 2wh, 2wh: i2's delivery (Wed 16–17 + Thu 9–11 = 3 h) is late.
    // market: 5 h and 2 + 1 = 3 h against 1wd (8 h): both on time; legal 3wd judged twice.
    // tax: 2 h and 2 + 7 = 9 h against 1wd: one late. The cancelled police review does not count.
    expect(rows).toEqual([
      ['front-desk', 4, 0.125, 0.375, { judged: 4, onTime: 3, overdue: 1, rate: 0.75 }, 0, 2],
      ['market', 2, 0.375, 0.625, { judged: 2, onTime: 2, overdue: 0, rate: 1 }, 2, 1],
      ['tax', 2, 0.25, 1.125, { judged: 2, onTime: 1, overdue: 1, rate: 0.5 }, 0, 1],
    ]);
  });

  it('takes pauses from the instance record, or else from clock.stop and clock.resume in its history', () => {
    const i3 = instances[2]!;
    const fromRecord = analyseInstances({ instances: [{ ...i3, pauses: [i3Pause] }], tasks: [], calendar: fakeCalendar });
    const at = (revision: number, when: string, type: string): HistoryRecord =>
      ({ instanceId: 'i3', revision, at: cst(when), command: { type, kind: 'correction', pauseId: 'p' } as unknown as HistoryRecord['command'], effects: [] });
    const fromHistory = analyseInstances({
      instances: [i3], tasks: [], calendar: fakeCalendar,
      history: [at(3, '2025-03-11 09:00', 'clock.resume'), at(2, '2025-03-10 09:00', 'clock.stop'), at(1, '2025-03-07 16:00', 'start')],
    });

    expect(fromRecord.instances[0]?.workingDays).toBe(1.5);
    expect(fromHistory.instances[0]?.workingDays).toBe(1.5);
    expect(fromHistory.instances[0]).not.toHaveProperty('onTimePromised'); // no limit given, nothing judged
  });
});

describe('nearestRank', () => {
  it('is always one of the values: the smallest with at least p % at or below it', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(ten, 50)).toBe(5); // ceil(5) = #5
    expect(nearestRank(ten, 90)).toBe(9); // ceil(9) = #9
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10); // ceil(9.9) = #10
  });
});

describe('isoWeekInChina', () => {
  it('counts weeks from the Monday of the week holding the first Thursday', () => {
    expect(isoWeekInChina('2024-12-30T02:00:00.000Z')).toBe('2025-W01'); // Monday
    expect(isoWeekInChina('2021-01-03T02:00:00.000Z')).toBe('2020-W53'); // Sunday
    expect(isoWeekInChina('2025-03-16T17:00:00.000Z')).toBe('2025-W12'); // Monday 01:00 in China
  });
});
