import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '@tongban/engine/testing';
import { startTestServer, type ApiClient, type TestServer } from '../support/harness.js';
import { runAuditVerify } from './run-cli.js';

interface AuditItem { seq: number; at: string; action: string; actor?: string; instanceId?: string; target?: string; details: Record<string, unknown>; hash: string; prevHash: string }
interface AuditPage { items: AuditItem[]; total: number; limit: number; offset: number }

let server: TestServer;
let clock: FakeClock;
let admin: ApiClient;
let adminId: string;
let instanceId: string;

beforeAll(async () => {
  clock = new FakeClock('2026-03-02T01:00:00Z'); // Mon 09:00 China time
  server = await startTestServer({ clock });
  admin = await server.signIn('admin');
  adminId = (await admin.get<{ user: { id: string } }>('/api/session')).body.user.id;
  clock.set('2026-03-03T01:00:00Z');
  admin = await server.signIn('admin');
  await admin.put('/api/departments/archive', { name: '档案馆' });
  instanceId = (await server.services.runtime.start('open_company')).id;
});
afterAll(() => server.dispose());

describe('GET /api/audit', () => {
  it('lists records newest first, with their chain hashes', async () => {
    const res = await admin.get<AuditPage>('/api/audit');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ limit: 20, offset: 0 });
    const seqs = res.body.items.map((i) => i.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(res.body.items[0]).toMatchObject({ action: 'instance.start', instanceId });
    expect(res.body.items[0]!.prevHash).toBe(res.body.items[1]!.hash);
  });

  it('filters by application, actor and period, and pages', async () => {
    const byInstance = (await admin.get<AuditPage>(`/api/audit?instanceId=${instanceId}`)).body;
    expect(byInstance.items.map((i) => i.action)).toEqual(['instance.start']);

    const byActor = (await admin.get<AuditPage>(`/api/audit?actor=${adminId}`)).body;
    expect(byActor.items.map((i) => i.action)).toEqual(['department.put', 'session.login', 'session.login']);
    expect(byActor.items.every((i) => i.actor === adminId)).toBe(true);

    // The second sign-in and what followed happened on Tuesday 3 March.
    const tuesday = (await admin.get<AuditPage>(`/api/audit?actor=${adminId}&from=2026-03-03&to=2026-03-03`)).body;
    expect(tuesday.total).toBe(2);
    const monday = (await admin.get<AuditPage>(`/api/audit?actor=${adminId}&to=2026-03-02T23:59`)).body;
    expect(monday.items.map((i) => i.at)).toEqual(['2026-03-02T01:00:00.000Z']);

    const all = (await admin.get<AuditPage>('/api/audit?limit=100')).body;
    const page = (await admin.get<AuditPage>('/api/audit?limit=2&offset=1')).body;
    expect(page.total).toBe(all.total);
    expect(page.items.map((i) => i.seq)).toEqual(all.items.slice(1, 3).map((i) => i.seq));
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['to=tomorrow', 'to'],
    ['from=2026-03-04&to=2026-03-03', 'to'],
    ['limit=101', 'limit'],
    ['offset=-1', 'offset'],
    ['instanceId=a%20b', 'instanceId'],
  ])('refuses %s with 400 on %s', async (query, path) => {
    const res = await admin.get<{ errors: { in: string; path: string }[] }>(`/api/audit?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ in: 'query', path });
  });

  it('is for administrators only', async () => {
    for (const username of ['manager', 'designer', 'clerk-tax', 'frontdesk']) {
      const client = await server.signIn(username);
      expect((await client.get('/api/audit')).status).toBe(403);
      expect((await client.get('/api/audit/verify')).status).toBe(403);
    }
    expect((await server.anonymous().get('/api/audit')).status).toBe(401);
    expect((await server.anonymous().get('/api/audit/verify')).status).toBe(401);
  });
});

describe('GET /api/audit/verify on an untouched trail', () => {
  it('checks every record', async () => {
    const total = (await admin.get<AuditPage>('/api/audit')).body.total;
    const res = await admin.get('/api/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, checked: total });
  });
});

describe('the append-only triggers', () => {
  it('refuse UPDATE and DELETE on the audit table', () => {
    const db = new Database(join(server.dataDir, 'tongban.db'));
    try {
      expect(() => db.prepare("UPDATE audit SET details = '{}' WHERE seq = 1").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit WHERE seq = 1').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});

describe('pnpm audit:verify without data', () => {
  // Spawns tsx: slower than an in-process test.
  it('does not create a database or a key where there is none', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tongban-empty-'));
    try {
      const result = await runAuditVerify({ DATA_DIR: empty });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('no database');
      expect(existsSync(join(empty, 'tongban.db'))).toBe(false);
      expect(existsSync(join(empty, 'audit.key'))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);
});
