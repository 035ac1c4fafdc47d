import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createActor } from 'xstate';
import { auditOfCommit, auditTrail, openSqliteStore, type AuditTrail } from '@tongban/server';
// Not on the server package's public surface: the bench wires the audit row exactly as the server does.
import { collectGarbage, instancesPerSec, median, type Plan } from './measure.js';
import { runStoredInstance, runtimeOver } from './tongban-driver.js';
import { ONE_THING_EVENTS, oneThingMachine } from './xstate-reference.js';

/** SQLite's `synchronous` levels the store offers; FULL is the default (ADR 0004). */
export type Synchronous = 'FULL' | 'NORMAL';

/**
 * Instances per timed run: one at a time at each level (FULL waits for a WAL
 * sync per commit, so it gets fewer), and for the grouped rows, `inFlight`
 * at a time.
 */
export interface DurableSizes {
  readonly FULL: number;
  readonly NORMAL: number;
  readonly grouped: number;
  readonly inFlight: number;
}

export interface DurableFigures {
  readonly tongbanSqliteFullInstancesPerSec: number;
  readonly tongbanSqliteNormalInstancesPerSec: number;
  readonly xstateSqliteFullInstancesPerSec: number;
  readonly xstateSqliteNormalInstancesPerSec: number;
  /** Tongban with `sqliteInFlight` instances running at once, so the store's group commit shares transactions and syncs. */
  readonly tongbanSqliteFullGroupedInstancesPerSec: number;
  readonly tongbanSqliteNormalGroupedInstancesPerSec: number;
  readonly sqliteInFlight: number;
  /** Transactions per instance, one at a time, on both sides: the start and one per user task. */
  readonly sqliteCommitsPerInstance: number;
}

/** The start plus one event per user task: what either side commits per instance. */
const COMMITS_PER_INSTANCE = 1 + ONE_THING_EVENTS.length;

type Row = 'tongban' | 'xstate' | 'grouped';

/**
 * Figure e: instances per second when every event is a durable SQLite
 * commit, at `synchronous = FULL` and `NORMAL`, in a file under the OS temp
 * directory. Tongban: `Runtime` over `openSqliteStore` as the server opens
 * it, with the server's audit row appended inside each commit, driven as in
 * figure b: one instance at a time, so each commit is a transaction of its
 * own. The limit beside it: the hand-written XState machine in an actor, its
 * persisted snapshot written by one `UPDATE … WHERE id = ? AND rev = ?` per
 * event (an INSERT at the start), each statement its own transaction. The
 * grouped row runs `inFlight` Tongban instances at once, as concurrent
 * clerks would: the commits of one event-loop turn share a transaction.
 *
 * All rows run in each round, in an order that rotates, so a slow phase of
 * the disk or the machine hits each; the median of the measured rounds is
 * reported. Every run gets a fresh file, so no run pays for another's WAL.
 */
export async function measureDurable(xml: string, processId: string, plan: Plan, sizes: DurableSizes): Promise<DurableFigures> {
  const samples = new Map<string, number[]>();
  const record = (row: Row, level: Synchronous, perSec: number) => samples.set(`${row} ${level}`, [...(samples.get(`${row} ${level}`) ?? []), perSec]);
  for (let round = 0; round < plan.warmups + plan.runs; round++) {
    for (const level of ['FULL', 'NORMAL'] as const) {
      const runs: [Row, () => Promise<number>][] = [
        ['tongban', () => tongbanRun(xml, processId, level, sizes[level], 1)],
        ['xstate', () => xstateRun(level, sizes[level])],
        ['grouped', () => tongbanRun(xml, processId, level, sizes.grouped, sizes.inFlight)],
      ];
      for (let i = 0; i < runs.length; i++) {
        const [row, run] = runs[(i + round) % runs.length]!;
        collectGarbage();
        const perSec = await run();
        if (round >= plan.warmups) record(row, level, perSec);
      }
    }
  }
  const figure = (row: Row, level: Synchronous) => median(samples.get(`${row} ${level}`) ?? []);
  return {
    tongbanSqliteFullInstancesPerSec: figure('tongban', 'FULL'),
    tongbanSqliteNormalInstancesPerSec: figure('tongban', 'NORMAL'),
    xstateSqliteFullInstancesPerSec: figure('xstate', 'FULL'),
    xstateSqliteNormalInstancesPerSec: figure('xstate', 'NORMAL'),
    tongbanSqliteFullGroupedInstancesPerSec: figure('grouped', 'FULL'),
    tongbanSqliteNormalGroupedInstancesPerSec: figure('grouped', 'NORMAL'),
    sqliteInFlight: sizes.inFlight,
    sqliteCommitsPerInstance: COMMITS_PER_INSTANCE,
  };
}

/** A fresh directory for one run's database file, removed with everything SQLite put beside it (-wal, -shm). */
async function inTempDir<T>(work: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-'));
  try {
    return await work(join(dir, 'bench.db'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Tongban through the SQLite store, wired as the server wires it: the audit
 * row of each commit is written in its transaction. `inFlight` instances run
 * at once, each one's commands one after another.
 */
function tongbanRun(xml: string, processId: string, synchronous: Synchronous, count: number, inFlight: number): Promise<number> {
  return inTempDir(async (file) => {
    // The commit hook needs the audit trail, which needs the store's connection.
    const late: { audit?: AuditTrail } = {};
    const store = openSqliteStore(file, { synchronous, onCommit: (commit) => late.audit?.appendInTransaction(auditOfCommit(commit)) });
    try {
      late.audit = auditTrail(store.database, randomBytes(32));
      const runtime = await runtimeOver(store, xml);
      let started = 0;
      const perSec = await instancesPerSec(count, () => Promise.all(Array.from({ length: Math.min(inFlight, count) }, async () => {
        while (started < count) {
          started++;
          await runStoredInstance(runtime, store, processId);
        }
      })).then(() => undefined));
      // Guards the comparison: one audited commit per command, as many as the bare loop's transactions.
      const audited = (store.database.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
      if (audited !== count * COMMITS_PER_INSTANCE) throw new Error(`expected ${count * COMMITS_PER_INSTANCE} audit rows, found ${audited}`);
      return perSec;
    } finally {
      store.close();
    }
  });
}

/**
 * The bare loop: what one durable transaction per event costs with nothing
 * of an engine around it. The actor stays in memory, so nothing is read
 * back; the revision check is the same optimistic guard the store makes.
 */
function xstateRun(synchronous: Synchronous, count: number): Promise<number> {
  return inTempDir(async (file) => {
    const db = new Database(file);
    try {
      // The journal and sync settings the store opens its file with.
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${synchronous}`);
      db.exec('CREATE TABLE instances (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, snapshot TEXT NOT NULL)');
      const insert = db.prepare<[string, string]>('INSERT INTO instances (id, rev, snapshot) VALUES (?, 1, ?)');
      const update = db.prepare<[string, string, number]>('UPDATE instances SET snapshot = ?, rev = rev + 1 WHERE id = ? AND rev = ?');
      const machine = oneThingMachine();
      return await instancesPerSec(count, () => {
        for (let i = 0; i < count; i++) {
          const id = `i${i}`;
          const actor = createActor(machine).start();
          insert.run(id, JSON.stringify(actor.getPersistedSnapshot()));
          let rev = 1;
          for (const event of ONE_THING_EVENTS) {
            actor.send(event);
            if (update.run(JSON.stringify(actor.getPersistedSnapshot()), id, rev).changes !== 1) throw new Error(`lost update on ${id} at rev ${rev}`);
            rev++;
          }
          if (actor.getSnapshot().status !== 'done') throw new Error('XState instance did not finish');
          actor.stop();
        }
      });
    } finally {
      db.close();
    }
  });
}
