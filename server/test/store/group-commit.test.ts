import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConflictError, type InstanceCommit } from '@tongban/engine';
import { describeStoreContract } from '@tongban/engine/testing';
import { openSqliteStore, type SqliteStore } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tongban-group-'));
const opened: SqliteStore[] = [];
let files = 0;
function open(options: Parameters<typeof openSqliteStore>[1] = {}): SqliteStore {
  const store = openSqliteStore(join(dir, `store-${++files}.db`), options);
  opened.push(store);
  return store;
}
afterAll(() => {
  for (const store of opened) {
    try {
      store.close();
    } catch {
      // closed by the test
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

// The contract holds one transaction per commit too.
describeStoreContract('sqlite (one transaction per commit)', () => open({ groupCommit: false }));

function commit(id: string, expectedRevision: number, taskId?: string): InstanceCommit {
  const at = '2026-03-02T01:00:00.000Z';
  return {
    instance: { id, processId: 'p', version: 1, status: 'active', revision: expectedRevision + 1, snapshot: '{}', incidents: [], createdAt: at, updatedAt: at },
    expectedRevision,
    tasksOpened: taskId ? [{ id: taskId, instanceId: id, processId: 'p', elementId: 'x', activation: 1, status: 'open', createdAt: at }] : [],
    tasksClosed: [], timersScheduled: [], timersClosed: [], jobsEnqueued: [], jobsClosed: [],
    history: { instanceId: id, revision: expectedRevision + 1, at, command: { type: 'variables.update', variables: {} }, effects: [] },
  };
}

describe('group commit', () => {
  it('writes the commits of one turn in one transaction, each settled after it, in arrival order', async () => {
    const order: string[] = [];
    const store = open({ onCommit: (c) => order.push(c.instance.id) });
    const ids = Array.from({ length: 50 }, (_, i) => `g${i}`);
    await Promise.all(ids.map((id) => store.commit(commit(id, 0))));
    expect(order).toEqual(ids);
    for (const id of ids) expect((await store.getInstance(id))?.revision).toBe(1);
  });

  it('rolls back only the commit that loses a race inside the group; the others are written', async () => {
    const store = open();
    await store.commit(commit('c1', 0));
    const results = await Promise.allSettled([
      store.commit(commit('c1', 1, 'c1/winner/1')),
      store.commit(commit('c1', 1, 'c1/loser/1')),
      store.commit(commit('c2', 0)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await store.getTask('c1/winner/1')).toBeDefined();
    expect(await store.getTask('c1/loser/1')).toBeUndefined();
    expect((await store.listHistory('c1')).map((h) => h.revision)).toEqual([1, 2]);
    expect((await store.getInstance('c2'))?.revision).toBe(1);
  });

  it('rolls back a commit whose hook throws, with its rows, and keeps the rest of the group', async () => {
    const store = open({ onCommit: (c) => { if (c.instance.id === 'bad') throw new Error('audit refused'); } });
    const results = await Promise.allSettled([store.commit(commit('ok', 0, 'ok/t/1')), store.commit(commit('bad', 0, 'bad/t/1'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(await store.getInstance('bad')).toBeUndefined();
    expect(await store.getTask('bad/t/1')).toBeUndefined();
    expect(await store.getTask('ok/t/1')).toBeDefined();
  });

  it('writes what waits before the connection closes', async () => {
    const path = join(dir, 'close.db');
    const store = openSqliteStore(path);
    const pending = store.commit(commit('late', 0));
    store.close();
    await pending;
    const reopened = openSqliteStore(path);
    opened.push(reopened);
    expect((await reopened.getInstance('late'))?.revision).toBe(1);
  });
});

describe('a timer rescheduled to a new instant', () => {
  it('starts afresh for the scheduler: its failed attempts and back-off are cleared', async () => {
    const store = open();
    const timer = (dueAt: string) => ({ id: 't/1', instanceId: 'r1', elementId: 'wait', activation: 1, definition: { type: 'duration' as const, value: 'PT1H' }, dueAt, status: 'scheduled' as const });
    await store.commit({ ...commit('r1', 0), timersScheduled: [timer('2026-03-02T02:00:00.000Z')] });
    store.database.prepare("UPDATE timers SET attempts = 5, next_attempt_at = '2026-03-02T03:00:00.000Z' WHERE id = 't/1'").run();
    await store.commit({ ...commit('r1', 1), timersScheduled: [timer('2026-03-02T02:00:00.000Z')] });
    const unchanged = store.database.prepare("SELECT attempts FROM timers WHERE id = 't/1'").get() as { attempts: number };
    expect(unchanged.attempts).toBe(5);
    await store.commit({ ...commit('r1', 2), timersScheduled: [timer('2026-03-04T02:00:00.000Z')] });
    const moved = store.database.prepare("SELECT attempts, next_attempt_at AS next FROM timers WHERE id = 't/1'").get() as { attempts: number; next: string | null };
    expect(moved).toEqual({ attempts: 0, next: null });
  });
});
