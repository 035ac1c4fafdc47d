import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '@tongban/engine/testing';
import { startTestServer, type ApiClient, type TestServer } from '../support/harness.js';

interface YearDay { date: string; working: boolean; name?: string; source: string; weekend: boolean; statutory?: { working: boolean; name?: string }; updatedBy?: string }
interface YearView { year: number; covered: boolean; statutoryCovered: boolean; warning?: { code: string }; days: YearDay[] }
interface AuditPage { items: { action: string; actor?: string; target?: string; details: Record<string, unknown> }[] }

let server: TestServer;
let clock: FakeClock;
let admin: ApiClient;
let adminId: string;

// Tuesday 3 March 2026, 15:30 China time.
const TUESDAY_1530 = '2026-03-03T07:30:00Z';

beforeAll(async () => {
  clock = new FakeClock(TUESDAY_1530);
  server = await startTestServer({ clock });
  admin = await server.signIn('admin');
  adminId = (await admin.get<{ user: { id: string } }>('/api/session')).body.user.id;
});
afterAll(() => server.dispose());

const day = (view: YearView, date: string) => view.days.find((d) => d.date === date);

describe('GET /api/calendar', () => {
  it('gives any signed-in user the statutory holidays and 调休 days of a year', async () => {
    const clerk = await server.signIn('clerk-tax');
    const res = await clerk.get<YearView>('/api/calendar?year=2026');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, covered: true, statutoryCovered: true });
    expect(res.body.warning).toBeUndefined();
    expect(day(res.body, '2026-02-17')).toEqual({ date: '2026-02-17', working: false, name: '春节', source: 'statutory', weekend: false });
    expect(day(res.body, '2026-02-14')).toEqual({ date: '2026-02-14', working: true, name: '春节调休上班', source: 'statutory', weekend: true });
    expect(day(res.body, '2026-03-03')).toBeUndefined();
    const dates = res.body.days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('defaults to the current year in China time', async () => {
    expect((await admin.get<YearView>('/api/calendar')).body.year).toBe(2026);
  });

  it('says when a year has no holiday data', async () => {
    const res = await admin.get<YearView>('/api/calendar?year=2031');
    expect(res.body).toMatchObject({ year: 2031, covered: false, statutoryCovered: false, days: [], warning: { code: 'time/year-not-covered' } });
  });

  it.each(['abc', '1999', '2101', '2026.5'])('refuses year=%s with 400', async (year) => {
    const res = await admin.get<{ errors: { in: string; path: string }[] }>(`/api/calendar?year=${year}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ in: 'query', path: 'year' });
  });

  it('refuses an anonymous caller with 401', async () => {
    expect((await server.anonymous().get('/api/calendar?year=2026')).status).toBe(401);
  });
});

describe('PUT and DELETE /api/calendar/overrides/:date', () => {
  it('makes a date a day off for the runtime at once, audited, without moving deadlines already set', async () => {
    const { runtime, store, calendar } = server.services;
    const acceptDue = async (instanceId: string) => (await store.listTasks({ instanceId, status: 'open' }))[0]!.dueAt;
    // Task_accept has 4wh: from Tue 15:30, 2 h on Tuesday and 2 h on the next working day.
    const before = await runtime.start('open_company');
    expect(await acceptDue(before.id)).toBe('2026-03-04T03:00:00.000Z'); // Wed 11:00

    const res = await admin.put('/api/calendar/overrides/2026-03-04', { working: false, name: '地方假日' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ date: '2026-03-04', working: false, name: '地方假日', updatedBy: adminId, updatedAt: '2026-03-03T07:30:00.000Z' });
    expect(calendar.isWorkingDay('2026-03-04')).toBe(false);

    const after = await runtime.start('open_company');
    expect(await acceptDue(after.id)).toBe('2026-03-05T03:00:00.000Z'); // Wednesday off: Thu 11:00
    expect(await acceptDue(before.id)).toBe('2026-03-04T03:00:00.000Z'); // not recomputed

    const view = (await admin.get<YearView>('/api/calendar?year=2026')).body;
    expect(day(view, '2026-03-04')).toMatchObject({ working: false, name: '地方假日', source: 'override', weekend: false, updatedBy: adminId });
    const audit = (await admin.get<AuditPage>(`/api/audit?actor=${adminId}&limit=1`)).body.items[0]!;
    expect(audit).toMatchObject({ action: 'calendar.override.put', actor: adminId, target: '2026-03-04', details: { working: false, name: '地方假日' } });
  });

  it('replaces an override (200) and records what it was', async () => {
    const res = await admin.put('/api/calendar/overrides/2026-03-04', { working: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ date: '2026-03-04', working: true, updatedBy: adminId, updatedAt: '2026-03-03T07:30:00.000Z' });
    const audit = (await admin.get<AuditPage>(`/api/audit?actor=${adminId}&limit=1`)).body.items[0]!;
    expect(audit.details).toEqual({ working: true, previous: { working: false, name: '地方假日' } });
  });

  it('overrides a statutory day and shows what the statutory data said', async () => {
    expect((await admin.put('/api/calendar/overrides/2026-02-16', { working: true, name: '值班' })).status).toBe(201);
    expect(server.services.calendar.isWorkingDay('2026-02-16')).toBe(true);
    const view = (await admin.get<YearView>('/api/calendar?year=2026')).body;
    expect(day(view, '2026-02-16')).toMatchObject({ working: true, name: '值班', source: 'override', statutory: { working: false, name: '春节' } });
  });

  it('deletes an override: the statutory rule applies again; a second delete is 404', async () => {
    expect((await admin.delete('/api/calendar/overrides/2026-02-16')).status).toBe(204);
    expect(server.services.calendar.isWorkingDay('2026-02-16')).toBe(false);
    const audit = (await admin.get<AuditPage>(`/api/audit?actor=${adminId}&limit=1`)).body.items[0]!;
    expect(audit).toMatchObject({ action: 'calendar.override.delete', target: '2026-02-16', details: { previous: { working: true, name: '值班' } } });
    const again = await admin.delete<{ code: string }>('/api/calendar/overrides/2026-02-16');
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('not-found');
  });

  it('covers a year without holiday data once it has an override', async () => {
    expect((await admin.put('/api/calendar/overrides/2031-01-01', { working: false, name: '元旦' })).status).toBe(201);
    const view = (await admin.get<YearView>('/api/calendar?year=2031')).body;
    expect(view).toMatchObject({ covered: true, statutoryCovered: false, days: [{ date: '2031-01-01', source: 'override' }] });
    expect(view.warning).toBeUndefined();
  });

  it('writes nothing when its audit row cannot be written', async () => {
    const db = new Database(join(server.dataDir, 'tongban.db'));
    db.exec("CREATE TRIGGER test_audit_fails BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END");
    try {
      const res = await admin.put('/api/calendar/overrides/2026-03-06', { working: false });
      expect(res.status).toBe(500);
    } finally {
      db.exec('DROP TRIGGER test_audit_fails');
      db.close();
    }
    expect(server.services.calendar.isWorkingDay('2026-03-06')).toBe(true);
    expect(day((await admin.get<YearView>('/api/calendar?year=2026')).body, '2026-03-06')).toBeUndefined();
  });

  it.each([
    ['2026-02-30', { working: false }, 'params', 'date'],
    ['20260301', { working: false }, 'params', 'date'],
    ['2026-3-1', { working: false }, 'params', 'date'],
    ['2026-03-01', {}, 'body', 'working'],
    ['2026-03-01', { working: 'yes' }, 'body', 'working'],
    ['2026-03-01', { working: true, name: '' }, 'body', 'name'],
    ['2026-03-01', { working: true, name: '长'.repeat(51) }, 'body', 'name'],
    ['2026-03-01', { working: true, note: 'x' }, 'body', ''],
  ])('refuses PUT %s %j with 400', async (date, body, where, path) => {
    const res = await admin.put<{ errors: { in: string; path: string }[] }>(`/api/calendar/overrides/${date}`, body);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ in: where, path });
  });

  it('refuses DELETE of a date that does not exist with 400', async () => {
    expect((await admin.delete('/api/calendar/overrides/2026-02-29')).status).toBe(400);
  });

  it('lets only administrators change the calendar', async () => {
    for (const username of ['manager', 'designer', 'clerk-tax', 'frontdesk']) {
      const client = await server.signIn(username);
      expect((await client.put('/api/calendar/overrides/2026-03-09', { working: false })).status).toBe(403);
      expect((await client.delete('/api/calendar/overrides/2026-03-04')).status).toBe(403);
    }
    expect((await server.anonymous().put('/api/calendar/overrides/2026-03-09', { working: false })).status).toBe(401);
    expect((await server.anonymous().delete('/api/calendar/overrides/2026-03-04')).status).toBe(401);
    const noCsrf = await admin.request<{ code: string }>('PUT', '/api/calendar/overrides/2026-03-09', { json: { working: false }, headers: { 'x-csrf-token': '' } });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('csrf/rejected');
    expect(server.services.calendar.isWorkingDay('2026-03-09')).toBe(true);
  });
});

describe('overrides across a restart', () => {
  it('loads the stored overrides when the server starts', async () => {
    const first = await startTestServer({ clock });
    const dataDir = first.dataDir;
    try {
      const client = await first.signIn('admin');
      expect((await client.put('/api/calendar/overrides/2026-03-10', { working: false, name: '地方假日' })).status).toBe(201);
      await first.close();
      const second = await startTestServer({ clock, dataDir });
      try {
        expect(second.services.calendar.isWorkingDay('2026-03-10')).toBe(false);
        expect(second.services.calendar.isWorkingDay('2026-03-11')).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000); // two server starts
});
