import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ConflictError, Runtime, type InstanceCommit } from '@tongban/engine';
import { describeStoreContract, FakeClock, SequentialIds } from '@tongban/engine/testing';
import { openSqliteStore, type SqliteStore } from '../../src/index.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'tongban-sqlite-'));
const opened: SqliteStore[] = [];
let files = 0;

function newFile(): string {
  return join(dir, `store-${++files}.db`);
}

function open(path: string): SqliteStore {
  const store = openSqliteStore(path);
  opened.push(store);
  return store;
}

afterAll(() => {
  for (const store of opened) {
    try {
      store.close();
    } catch {
      // already closed by the test
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('sqlite (file)', () => open(newFile()));
describeStoreContract('sqlite (memory)', () => open(':memory:'));

const oneThing = readFileSync(new URL('../../../engine/examples/one-thing.bpmn', import.meta.url), 'utf8');

function commit(id: string, expectedRevision: number): InstanceCommit {
  const at = '2026-03-02T01:00:00.000Z';
  return {
    instance: { id, processId: 'p', version: 1, status: 'active', revision: expectedRevision + 1, snapshot: '{}', incidents: [], createdAt: at, updatedAt: at },
    expectedRevision,
    tasksOpened: [], tasksClosed: [], timersScheduled: [], timersClosed: [], jobsEnqueued: [], jobsClosed: [],
    history: { instanceId: id, revision: expectedRevision + 1, at, command: { type: 'variables.update', variables: {} }, effects: [] },
  };
}

describe('SQLite store on a file', () => {
  it('keeps an instance across closing and reopening, and a new runtime finishes it', async () => {
    // given an instance started and its first task completed
    const path = newFile();
    const clock = new FakeClock();
    const first = open(path);
    const runtime = new Runtime({ store: first, clock, ids: new SequentialIds('app') });
    await runtime.deploy(oneThing);
    const { id } = await runtime.start('open_company', { businessKey: 'A-1' });
    const [accept] = await first.listTasks({ instanceId: id, status: 'open' });
    await runtime.completeTask(accept!.id);
    const revision = (await first.getInstance(id))!.revision;
    first.close();

    // when the file is reopened and a new runtime completes every open task
    const second = open(path);
    const next = new Runtime({ store: second, clock, ids: new SequentialIds('other') });
    expect((await second.getInstance(id))?.revision).toBe(revision);
    for (let round = 0; round < 10; round++) {
      const tasks = await second.listTasks({ instanceId: id, status: 'open' });
      if (tasks.length === 0) break;
      for (const task of tasks) await next.completeTask(task.id);
    }

    // then the instance has ended, with its whole history in order
    const done = await second.getInstance(id);
    expect(done).toMatchObject({ status: 'completed', businessKey: 'A-1' });
    const history = await second.listHistory(id);
    expect(history.map((h) => h.revision)).toEqual(history.map((_, i) => i + 1));
    expect(history[0]?.command.type).toBe('start');
    expect((await second.getDefinition('open_company'))?.version).toBe(1);
  });

  it('applies each migration once, however often the file is opened', () => {
    const path = newFile();
    open(path).close();
    open(path).close();
    const db = new Database(path, { readonly: true });
    try {
      const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('answers the connection that loses a race on one file with a ConflictError and writes nothing for it', async () => {
    // given two connections to one file that both loaded revision 1
    const path = newFile();
    const a = open(path);
    const b = open(path);
    await a.commit(commit('i1', 0));

    // when both commit on top of revision 1
    await a.commit(commit('i1', 1));
    const error = await b.commit({ ...commit('i1', 1), tasksOpened: [{ id: 'i1/x/1', instanceId: 'i1', processId: 'p', elementId: 'x', activation: 1, status: 'open', createdAt: '2026-03-02T01:00:00.000Z' }] })
      .catch((e: unknown) => e);

    // then the second is refused with the revisions, and both connections see the winner only
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ instanceId: 'i1', expectedRevision: 1, actualRevision: 2 });
    expect(await b.getTask('i1/x/1')).toBeUndefined();
    expect((await b.listHistory('i1')).map((h) => h.revision)).toEqual([1, 2]);
    expect((await a.getInstance('i1'))?.revision).toBe(2);
  });
});
