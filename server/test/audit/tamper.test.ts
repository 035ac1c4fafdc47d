import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type TestServer } from '../support/harness.js';
import { runAuditVerify } from './run-cli.js';

/*
 * Tampering for real: audit rows are written through the API, then the
 * SQLite file is changed behind the server's back the way someone with
 * access to the file could (dropping the append-only triggers first). The
 * route and the `pnpm audit:verify` command must both name the first row
 * that no longer checks out.
 */
let server: TestServer;
let admin: ApiClient;

beforeEach(async () => {
  server = await startTestServer();
  admin = await server.signIn('admin');
  for (const id of ['t1', 't2', 't3', 't4']) expect((await admin.put(`/api/departments/${id}`, { name: `部门 ${id}` })).status).toBe(200);
});
afterEach(() => server.dispose());

function tamper(sql: (db: Database.Database, seq: number) => void): number {
  const db = new Database(join(server.dataDir, 'tongban.db'));
  try {
    const { seq } = db.prepare<[], { seq: number }>("SELECT seq FROM audit WHERE action = 'department.put' AND target = 't2'").get()!;
    sql(db, seq);
    return seq;
  } finally {
    db.close();
  }
}

const env = () => ({ DATA_DIR: server.dataDir });

// Each test spawns the command (tsx) once or more: slower than an in-process test.
describe('tamper detection', { timeout: 60_000 }, () => {
  it('an intact trail: route ok, command exits 0 in Chinese and English', async () => {
    const route = (await admin.get<{ ok: boolean; checked: number }>('/api/audit/verify')).body;
    expect(route.ok).toBe(true);
    const cli = await runAuditVerify(env());
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`审计记录完整：已校验 ${route.checked} 条。`);
    expect(cli.stdout).toContain(`Audit trail intact: ${route.checked} records checked.`);
    const json = await runAuditVerify(env(), ['--json']);
    expect(JSON.parse(json.stdout)).toEqual(route);
  });

  it('a changed row: hash mismatch at its seq', async () => {
    const seq = tamper((db, s) => {
      db.exec('DROP TRIGGER audit_no_update');
      db.prepare("UPDATE audit SET details = '{\"name\":\"改过的\"}' WHERE seq = ?").run(s);
    });
    expect((await admin.get('/api/audit/verify')).body).toEqual({ ok: false, checked: seq - 1, seq, reason: 'hash-mismatch' });
    const cli = await runAuditVerify(env());
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`审计记录已被篡改：第 ${seq} 条`);
    expect(cli.stdout).toContain(`Audit trail broken at seq ${seq}: its content was changed (hash mismatch)`);
  });

  it('a deleted middle row: a gap at the next seq', async () => {
    const seq = tamper((db, s) => {
      db.exec('DROP TRIGGER audit_no_delete');
      db.prepare('DELETE FROM audit WHERE seq = ?').run(s);
    });
    expect((await admin.get('/api/audit/verify')).body).toEqual({ ok: false, checked: seq - 1, seq: seq + 1, reason: 'gap' });
    const cli = await runAuditVerify(env());
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`Audit trail broken at seq ${seq + 1}: a record before it was deleted`);
  });

  it('a row re-signed with the stolen key still breaks the link of the next one', async () => {
    // Why the key belongs outside the data directory: with it a row can be
    // re-signed; here only the following row's link gives it away.
    const key = Buffer.from(readFileSync(join(server.dataDir, 'audit.key'), 'utf8').trim(), 'hex');
    const seq = tamper((db, s) => {
      db.exec('DROP TRIGGER audit_no_update');
      const row = db.prepare<[number], { at: string; actor: string | null; action: string; instance_id: string | null; target: string | null; prev_hash: string }>('SELECT * FROM audit WHERE seq = ?').get(s)!;
      const details = '{"name":"伪造"}';
      const hash = createHmac('sha256', key).update(JSON.stringify([s, row.at, row.actor, row.action, row.instance_id, row.target, details, row.prev_hash])).digest('hex');
      db.prepare('UPDATE audit SET details = ?, hash = ? WHERE seq = ?').run(details, hash, s);
    });
    expect((await admin.get('/api/audit/verify')).body).toEqual({ ok: false, checked: seq, seq: seq + 1, reason: 'chain-broken' });
    expect((await runAuditVerify(env())).code).toBe(1);
  });

  it('the command refuses usage errors and a bad key with exit code 2', async () => {
    const unknown = await runAuditVerify(env(), ['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown argument: --bogus');
    const badKey = await runAuditVerify({ ...env(), TONGBAN_AUDIT_KEY: 'not-hex' });
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('TONGBAN_AUDIT_KEY');
    const help = await runAuditVerify(env(), ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('pnpm audit:verify');
  });
});
