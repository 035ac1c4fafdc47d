import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '@tongban/engine/testing';
import { reportQuery } from '../../src/reports/index.js';
import { REPO_ROOT, startTestServer, type ApiClient, type TestServer } from '../support/harness.js';
import { cst, except, runApplication } from './drive.js';

/*
 * Three applications of 企业开办 (open_company), one a week in March 2026 (no
 * holidays), on the default office hours 09:00–12:00 and 13:30–17:30 (7 h a
 * working day). Hours below are working hours, hand-counted.
 *
 * A (W10) Mon 03-02 09:00 start; 10:00 accept (1 h); 11:00 all parallel but
 *   market (1 h each); 14:30 market (10:00–12:00 + 13:30–14:30 = 3 h);
 *   16:30 deliver (2 h). Whole: 09:00–16:30 = 6 h = 6/7 wd. Chain: accept, market, deliver.
 * B (W11) Mon 03-09 09:00; 09:30 accept (0.5 h); 11:30 all but tax (2 h);
 *   Tue 10:30 tax (2.5 + 4 + 1.5 = 8 h); Tue 17:30 deliver (1.5 + 4 = 5.5 h).
 *   Whole: two full days = 14 h = 2 wd. Chain: accept, tax, deliver.
 * C (W12) Mon 03-16 09:00; 17:30 accept (7 h); Tue 11:00 all but social
 *   (2 h); Tue 12:00 social (3 h); Wed 17:30 deliver (4 + 7 = 11 h).
 *   Whole: three full days = 21 h = 3 wd. Chain: accept, social, deliver.
 * D Thu 03-19 started, left running.
 *
 * The process states no whole-application limit, so the design figures
 * stand in: promised = to-be = 4wh + 1wd + 4wh = 15/7 wd (15 h);
 * legal = as-is = 3 + 20 + 20 + 10 + 10 + 20 wd + 4/7 + 4/7 (the window's
 * tasks count their promised 4wh) = 589/7 wd.
 */
const H = 1 / 7; // one working hour in working days
const TO_BE = 15 / 7;
const AS_IS = 589 / 7;

let server: TestServer;
let clock: FakeClock;
let manager: ApiClient;
const ids: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };

beforeAll(async () => {
  clock = new FakeClock('2026-03-01T01:00:00Z');
  server = await startTestServer({ clock });
  ids.A = await runApplication(server, clock, '2026-03-02 09:00', [
    ['2026-03-02 10:00', ['Task_accept']], ['2026-03-02 11:00', except('Task_market')], ['2026-03-02 14:30', ['Task_market']], ['2026-03-02 16:30', ['Task_deliver']],
  ]);
  ids.B = await runApplication(server, clock, '2026-03-09 09:00', [
    ['2026-03-09 09:30', ['Task_accept']], ['2026-03-09 11:30', except('Task_tax')], ['2026-03-10 10:30', ['Task_tax']], ['2026-03-10 17:30', ['Task_deliver']],
  ]);
  ids.C = await runApplication(server, clock, '2026-03-16 09:00', [
    ['2026-03-16 17:30', ['Task_accept']], ['2026-03-17 11:00', except('Task_social')], ['2026-03-17 12:00', ['Task_social']], ['2026-03-18 17:30', ['Task_deliver']],
  ]);
  ids.D = await runApplication(server, clock, '2026-03-19 09:00', []);
  clock.set(cst('2026-03-20 09:00'));
  manager = await server.signIn('manager');
}, 60_000); // some forty engine commits
afterAll(() => server.dispose());

interface OnTime { judged: number; onTime: number; overdue: number; rate?: number }
interface Durations { count: number; p50WorkingDays: number; p90WorkingDays: number; meanWorkingDays: number; promised: OnTime; legal: OnTime }
interface Summary {
  processId: string; version: number; name?: string;
  design: { asIsWorkingDays: number; asIsBasis: string; toBeWorkingDays: number; compressionRatio: number; speedUp?: number; criticalDepartments: string[] };
  limits: { promised: { source: string; workingDays?: number; text?: string }; legal: { source: string; workingDays?: number; text?: string } };
  measured: { completed: number; analysed: number; capped: boolean; cap: number; inProgress: number; overall?: Durations };
}
interface Detail extends Omit<Summary, 'design'> {
  period: { from?: string; to?: string };
  design: { asIs: { workingDays: number }; toBe: { workingDays: number }; compressionRatio: number; criticalPath: string[] };
  measured: Summary['measured'] & {
    perVersion: (Durations & { version: number; criticalDepartments: { department: string; instances: number }[] })[];
    perDepartment: (Durations & { department: string; name?: string; onCriticalPath: number })[];
    perWeek: (Durations & { week: string })[];
  };
}

const close = (actual: number | undefined, expected: number) => expect(actual).toBeCloseTo(expected, 10);

describe('GET /api/reports/processes', () => {
  it('lists each deployed process with its design and measured figures', async () => {
    const res = await manager.get<{ items: Summary[]; total: number; limit: number }>('/api/reports/processes');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.limit).toBe(20);
    const [open] = res.body.items;
    expect(open).toMatchObject({ processId: 'open_company', version: 1, name: '企业开办一件事' });
    close(open!.design.asIsWorkingDays, AS_IS);
    expect(open!.design.asIsBasis).toBe('legal-serial-sum');
    close(open!.design.toBeWorkingDays, TO_BE);
    close(open!.design.compressionRatio, 1 - 15 / 589);
    close(open!.design.speedUp!, 589 / 15);
    expect(open!.design.criticalDepartments).toEqual(expect.arrayContaining(['front-desk', 'market', 'tax', 'hrss', 'medical-insurance', 'housing-fund']));
    expect(open!.design.criticalDepartments).not.toContain('police');
    expect(open!.limits.promised.source).toBe('design');
    close(open!.limits.promised.workingDays!, TO_BE);
    close(open!.limits.legal.workingDays!, AS_IS);

    expect(open!.measured).toMatchObject({ completed: 3, analysed: 3, capped: false, cap: 10_000, inProgress: 1 });
    const overall = open!.measured.overall!;
    expect(overall.count).toBe(3);
    // Nearest rank of [6/7, 2, 3]: p50 the 2nd, p90 the 3rd.
    close(overall.p50WorkingDays, 2);
    close(overall.p90WorkingDays, 3);
    close(overall.meanWorkingDays, (6 / 7 + 2 + 3) / 3);
    // 15 h promised: A (6 h) and B (14 h) keep it, C (21 h) does not.
    expect(overall.promised).toEqual({ judged: 3, onTime: 2, overdue: 1, rate: 2 / 3 });
    expect(overall.legal).toEqual({ judged: 3, onTime: 3, overdue: 0, rate: 1 });
  });

  it('counts only applications that ended in the period', async () => {
    const week11 = await manager.get<{ items: Summary[] }>('/api/reports/processes?from=2026-03-09&to=2026-03-10');
    expect(week11.body.items[0]!.measured).toMatchObject({ completed: 1, inProgress: 1 });
    close(week11.body.items[0]!.measured.overall!.p50WorkingDays, 2);
    // B ended at 17:30 on the 10th; an instant bound is exclusive.
    const before = await manager.get<{ items: Summary[] }>('/api/reports/processes?from=2026-03-09&to=2026-03-10T17:00');
    expect(before.body.items[0]!.measured.completed).toBe(0);
    expect(before.body.items[0]!.measured.overall).toBeUndefined();
  });

  it('answers administrators too, and pages', async () => {
    const admin = await server.signIn('admin');
    const res = await admin.get<{ items: Summary[]; total: number; offset: number }>('/api/reports/processes?limit=1&offset=1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 1, offset: 1 });
  });
});

describe('GET /api/reports/processes/:processId', () => {
  it('gives the design analysis and the measured figures per version, department and week', async () => {
    const res = await manager.get<Detail>('/api/reports/processes/open_company');
    expect(res.status).toBe(200);
    const { design, measured } = res.body;
    close(design.asIs.workingDays, AS_IS);
    close(design.toBe.workingDays, TO_BE);
    expect(design.criticalPath[0]).toBe('Task_accept');
    expect(res.body.period).toEqual({});

    expect(measured.perVersion).toHaveLength(1);
    expect(measured.perVersion[0]).toMatchObject({ version: 1, count: 3 });
    expect(measured.perVersion[0]!.criticalDepartments).toEqual(expect.arrayContaining([
      { department: 'front-desk', instances: 3 }, { department: 'market', instances: 1 }, { department: 'tax', instances: 1 }, { department: 'hrss', instances: 1 },
    ]));

    expect(measured.perWeek.map((w) => [w.week, w.count])).toEqual([['2026-W10', 1], ['2026-W11', 1], ['2026-W12', 1]]);
    close(measured.perWeek[0]!.p50WorkingDays, 6 * H);
    expect(measured.perWeek[2]!.promised).toEqual({ judged: 1, onTime: 0, overdue: 1, rate: 0 });

    const dept = (id: string) => measured.perDepartment.find((d) => d.department === id)!;
    // Window: accept 1, 0.5, 7 h; deliver 2, 5.5, 11 h → sorted 0.5 1 2 5.5 7 11; promised 4wh each; no legal limit.
    const window = dept('front-desk');
    expect(window).toMatchObject({ count: 6, name: '政务服务中心综合窗口', onCriticalPath: 3 });
    close(window.p50WorkingDays, 2 * H);
    close(window.p90WorkingDays, 11 * H);
    close(window.meanWorkingDays, 4.5 * H);
    expect(window.promised).toEqual({ judged: 6, onTime: 3, overdue: 3, rate: 0.5 });
    expect(window.legal).toEqual({ judged: 0, onTime: 0, overdue: 0 });
    // Tax: 1, 8, 2 h against 1wd (7 h) promised, 20wd legal.
    const tax = dept('tax');
    expect(tax).toMatchObject({ count: 3, onCriticalPath: 1 });
    close(tax.p50WorkingDays, 2 * H);
    close(tax.p90WorkingDays, 8 * H);
    expect(tax.promised).toEqual({ judged: 3, onTime: 2, overdue: 1, rate: 2 / 3 });
    expect(tax.legal.rate).toBe(1);
    // Market: 3, 2, 2 h.
    close(dept('market').p50WorkingDays, 2 * H);
    close(dept('market').p90WorkingDays, 3 * H);
    expect(dept('police').onCriticalPath).toBe(0);
  });

  it('filters by period and says so', async () => {
    const res = await manager.get<Detail>('/api/reports/processes/open_company?from=2026-03-16&to=2026-03-31');
    expect(res.body.period).toEqual({ from: '2026-03-15T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' });
    expect(res.body.measured.perWeek.map((w) => w.week)).toEqual(['2026-W12']);
    expect(res.body.measured.overall!.count).toBe(1);
  });

  it('is 404 for a process never deployed', async () => {
    const res = await manager.get<{ code: string }>('/api/reports/processes/no_such_process');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not-found');
  });
});

describe('GET /api/reports/processes/:processId/export.csv', () => {
  it('exports one row per application, Chinese headers, UTF-8 with BOM, as an attachment', async () => {
    const res = await manager.get('/api/reports/processes/open_company/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="open_company-instances.csv"');
    expect(res.headers.get('x-report-capped')).toBe('false');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const lines = res.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('申请编号,流程版本,受理时间,办结时间,办结周,办理用时（工作日）,暂停用时（工作日）,承诺时限内,法定时限内,关键路径部门');
    expect(lines[1]).toBe(`${ids.A},1,2026-03-02 09:00:00,2026-03-02 16:30:00,2026-W10,0.86,0,是,是,政务服务中心综合窗口、市场监督管理局`);
    expect(lines[2]).toBe(`${ids.B},1,2026-03-09 09:00:00,2026-03-10 17:30:00,2026-W11,2,0,是,是,政务服务中心综合窗口、税务局`);
    expect(lines[3]).toBe(`${ids.C},1,2026-03-16 09:00:00,2026-03-18 17:30:00,2026-W12,3,0,否,是,政务服务中心综合窗口、人力资源和社会保障局`);
    expect(lines.slice(4)).toEqual(['']);
  });

  it('exports one row per department, in English with lang=en', async () => {
    const res = await manager.get('/api/reports/processes/open_company/export.csv?rows=departments&lang=en');
    expect(res.headers.get('content-disposition')).toContain('open_company-departments.csv');
    const lines = res.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Department ID,Department,Tasks,Median working days,P90 working days,Mean working days,Within promised,Over promised,Promised on-time rate,Within legal,Over legal,Legal on-time rate,Times on critical path');
    expect(lines).toContain('tax,Taxation Bureau,3,0.29,1.14,0.52,2,1,0.6667,3,0,1,1');
    expect(lines).toContain('front-desk,Comprehensive service window,6,0.29,1.57,0.64,3,3,0.5,0,0,,3');
  });

  it('refuses an unknown row kind or language, and an unknown process', async () => {
    expect((await manager.get('/api/reports/processes/open_company/export.csv?rows=tasks')).status).toBe(400);
    expect((await manager.get('/api/reports/processes/open_company/export.csv?lang=fr')).status).toBe(400);
    expect((await manager.get('/api/reports/processes/nope/export.csv')).status).toBe(404);
  });
});

describe('report access and input', () => {
  it.each(['designer', 'frontdesk', 'clerk-tax'])('refuses %s with 403', async (username) => {
    const client = await server.signIn(username);
    for (const path of ['/api/reports/processes', '/api/reports/processes/open_company', '/api/reports/processes/open_company/export.csv']) {
      const res = await client.get<{ code: string }>(path);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('access/forbidden');
    }
  });

  it('refuses an anonymous caller with 401', async () => {
    for (const path of ['/api/reports/processes', '/api/reports/processes/open_company', '/api/reports/processes/open_company/export.csv']) {
      expect((await server.anonymous().get(path)).status).toBe(401);
    }
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['to=2026-13-01', 'to'],
    ['from=yesterday', 'from'],
    ['from=2026-03-10&to=2026-03-09', 'to'],
    ['limit=21', 'limit'],
  ])('refuses %s with 400 on %s', async (query, path) => {
    const res = await manager.get<{ code: string; errors: { in: string; path: string }[] }>(`/api/reports/processes?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ in: 'query', path });
  });

  it('refuses a malformed process id with 400', async () => {
    expect((await manager.get('/api/reports/processes/bad%20id')).status).toBe(400);
  });
});

describe('bounded reads', () => {
  it('reads at most the cap, the latest by end date, and says how many there were', () => {
    const data = reportQuery(server.services.db).read('open_company', {}, 2);
    expect(data.instances.map((i) => i.id)).toEqual([ids.C, ids.B]);
    expect(data).toMatchObject({ total: 3, capped: true, inProgress: 1 });
    expect(data.instances[0]!.snapshot).toBe('');
    expect(new Set(data.tasks.map((t) => t.instanceId))).toEqual(new Set([ids.B, ids.C]));
  });
});

// These change the process and department names, so they run last.
describe('a new version and hostile names', () => {
  it('judges each version against its own limits', async () => {
    const xml = readFileSync(join(REPO_ROOT, 'processes/enterprise-startup/process.bpmn'), 'utf8')
      .replace('isExecutable="true">', 'isExecutable="true" tb:timeLimit="2wd" tb:legalTimeLimit="20wd">');
    clock.set(cst('2026-03-20 10:00'));
    const [v2] = await server.services.runtime.deploy(xml);
    expect(v2!.version).toBe(2);
    // E (W13) on version 2: Mon 03-23 09:00 → 12:00, 3 h, within 2wd.
    await runApplication(server, clock, '2026-03-23 09:00', [
      ['2026-03-23 10:00', ['Task_accept']], ['2026-03-23 11:00', except()], ['2026-03-23 12:00', ['Task_deliver']],
    ]);
    clock.set(cst('2026-03-23 13:30'));
    manager = await server.signIn('manager');
    const res = await manager.get<Detail>('/api/reports/processes/open_company');
    expect(res.body.version).toBe(2);
    expect(res.body.limits).toEqual({ promised: { source: 'process', text: '2wd' }, legal: { source: 'process', text: '20wd' } });
    expect(res.body.measured.perVersion.map((v) => [v.version, v.count, v.promised.onTime, v.promised.judged])).toEqual([[1, 3, 2, 3], [2, 1, 1, 1]]);
    expect(res.body.measured.overall!.promised).toEqual({ judged: 4, onTime: 3, overdue: 1, rate: 0.75 });
    expect(res.body.measured.perDepartment.find((d) => d.department === 'front-desk')!.count).toBe(8);
    expect(res.body.measured.perWeek.map((w) => w.week)).toEqual(['2026-W10', '2026-W11', '2026-W12', '2026-W13']);
  });

  it('quotes cells and defuses spreadsheet formulas in the CSV', async () => {
    const admin = await server.signIn('admin');
    expect((await admin.put('/api/departments/market', { name: '=HYPERLINK("http://x","点我")' })).status).toBe(200);
    expect((await admin.put('/api/departments/tax', { name: '税务局, 第一分局' })).status).toBe(200);
    const byDepartment = (await manager.get('/api/reports/processes/open_company/export.csv?rows=departments')).text.split('\r\n');
    expect(byDepartment.find((l) => l.startsWith('market,'))).toMatch(/^market,"'=HYPERLINK\(""http:\/\/x"",""点我""\)",4,/);
    expect(byDepartment.find((l) => l.startsWith('tax,'))).toMatch(/^tax,"税务局, 第一分局",4,/);
    const byInstance = (await manager.get('/api/reports/processes/open_company/export.csv')).text;
    expect(byInstance).toContain(',"政务服务中心综合窗口、=HYPERLINK(""http://x"",""点我"")"\r\n');
  });
});

describe('clock pauses', () => {
  it('leaves the time of a 补正 pause out of the working time', async () => {
    const { runtime, store } = server.services;
    // F Tue 03-24: 09:00 start, 10:00 accept, correction 10:00–12:00 (2 h), 14:30 parallel, 15:30 deliver.
    // 09:00–15:30 is 5 h of office time; less the 2 h pause: 3 h.
    clock.set(cst('2026-03-24 09:00'));
    const { id } = await runtime.start('open_company');
    const complete = async (at: string, elements: readonly string[]) => {
      clock.set(cst(at));
      for (const t of await store.listTasks({ instanceId: id, status: 'open' })) if (elements.includes(t.elementId)) await runtime.completeTask(t.id);
    };
    await complete('2026-03-24 10:00', ['Task_accept']);
    const paused = await runtime.stopClock(id, { kind: 'correction', reason: '材料不全' });
    clock.set(cst('2026-03-24 12:00'));
    await runtime.resumeClock(id, paused.pauses!.at(-1)!.id);
    await complete('2026-03-24 14:30', except());
    await complete('2026-03-24 15:30', ['Task_deliver']);
    manager = await server.signIn('manager');
    const csv = (await manager.get('/api/reports/processes/open_company/export.csv?from=2026-03-24')).text.slice(1).split('\r\n');
    expect(csv[1]).toMatch(new RegExp(`^${id},2,2026-03-24 09:00:00,2026-03-24 15:30:00,2026-W13,0.43,0.29,是,是,`));
  });
});
