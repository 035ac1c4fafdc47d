import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../server/src/app/services.js';
import { createLogger, readConfig, type SqliteStore } from '../../server/src/index.js';
import { timerProcess } from '../../server/test/scheduler/fixtures.js';

/**
 * The acceptance test of the scheduler's leases: two real server processes
 * on one SQLite file, 2,000 timers already due, each fired exactly once.
 */

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const TIMERS = 2_000;
const PROCESS_ID = 'due_now';

/** start → a timer due at once → end: each instance completes when its timer fires. */
const DUE_NOW = timerProcess(PROCESS_ID, 'PT0S');

type Db = SqliteStore['database'];

/** A connection that can only read, so the test never takes the servers' write lock. */
function openReadOnly(file: string): Db {
  // better-sqlite3 is the server's dependency, not this package's.
  const Database = createRequire(join(REPO_ROOT, 'server', 'package.json'))('better-sqlite3') as new (path: string, options: { readonly: boolean; fileMustExist: boolean }) => Db;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

let dataDir: string;
let processesDir: string;
const children: ChildProcess[] = [];

const env = () => ({ DATA_DIR: dataDir, TONGBAN_PROCESSES_DIR: processesDir, TONGBAN_SEED_DEMO: 'false', TONGBAN_DEMO_EXCHANGE: 'false', LOG_LEVEL: 'silent' as const });
const openServices = () => {
  const config = readConfig(env(), REPO_ROOT);
  return createServices({ config, env: env(), logger: createLogger('silent') });
};

function startServerProcess(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env(), PORT: '0', HOST: '127.0.0.1', TONGBAN_SCHEDULER: 'true', TONGBAN_SCHEDULER_INTERVAL_MS: '50' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`server ${child.pid} exited with ${code}:\n${stderr}`);
  });
  children.push(child);
  return child;
}

function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tongban-two-schedulers-'));
  processesDir = mkdtempSync(join(tmpdir(), 'tongban-no-processes-'));
  const services = openServices();
  try {
    await services.runtime.deploy(DUE_NOW);
    // One transaction around the set-up (each commit becomes a savepoint): one sync to disk instead of 2,000.
    services.db.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < TIMERS; i++) await services.runtime.start(PROCESS_ID);
    services.db.exec('COMMIT');
  } finally {
    services.close();
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(children.map(stop));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(processesDir, { recursive: true, force: true });
});

describe('two server processes on one SQLite file', () => {
  it(`fire each of ${TIMERS} due timers exactly once`, async () => {
    const db = openReadOnly(join(dataDir, 'tongban.db'));
    const scheduled = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM timers WHERE status = 'scheduled'");
    expect(scheduled.get()!.n).toBe(TIMERS);

    const started = performance.now();
    const servers = [startServerProcess(), startServerProcess()];
    let firstFireMs: number | undefined;
    for (let left = TIMERS; left > 0; left = scheduled.get()!.n) {
      if (left < TIMERS) firstFireMs ??= Math.round(performance.now() - started);
      if (performance.now() - started > 45_000) throw new Error(`${left} timers still scheduled after 45 s`);
      if (servers.some((s) => s.exitCode !== null)) throw new Error('A server process exited early');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const firedInMs = Math.round(performance.now() - started);
    expect(await Promise.all(servers.map(stop))).toEqual([0, 0]);

    const timers = db.prepare<[], { id: string; status: string; owner: string | null }>('SELECT id, status, lease_owner AS owner FROM timers').all();
    expect(timers).toHaveLength(TIMERS);
    expect(timers.filter((t) => t.status !== 'fired')).toEqual([]);

    // Exactly one timer.fire command in the history per timer, and no other.
    const fires = db.prepare<[], { timerId: string; n: number }>(`
      SELECT json_extract(record, '$.command.timerId') AS timerId, count(*) AS n FROM history
      WHERE json_extract(record, '$.command.type') = 'timer.fire' GROUP BY timerId`).all();
    expect(fires).toHaveLength(TIMERS);
    expect(fires.filter((f) => f.n !== 1)).toEqual([]);
    expect(new Set(fires.map((f) => f.timerId))).toEqual(new Set(timers.map((t) => t.id)));

    const instances = db.prepare<[], { status: string; n: number }>('SELECT status, count(*) AS n FROM instances GROUP BY status').all();
    expect(instances).toEqual([{ status: 'completed', n: TIMERS }]);

    // The lease owner of a fired timer is the node that fired it: host:pid:random.
    const byPid = new Map<number, number>();
    for (const t of timers) {
      const pid = Number(t.owner?.split(':').at(-2));
      byPid.set(pid, (byPid.get(pid) ?? 0) + 1);
    }
    const split = servers.map((s) => byPid.get(s.pid!) ?? 0);
    console.log(`two schedulers: ${TIMERS} timers fired ${firedInMs} ms after spawning both servers (first fire after ${firstFireMs} ms), split ${split.join(' / ')}`);
    expect(split[0]! + split[1]!).toBe(TIMERS);
    expect(split[0]).toBeGreaterThan(0);
    expect(split[1]).toBeGreaterThan(0);
    db.close();

    // Both processes chained their audit rows onto one unbroken trail.
    const services = openServices();
    try {
      expect(services.audit.verify()).toMatchObject({ ok: true });
      expect(services.audit.query({ limit: 1, offset: 0 }).total).toBeGreaterThanOrEqual(TIMERS * 2);
    } finally {
      services.close();
    }
  });
});
