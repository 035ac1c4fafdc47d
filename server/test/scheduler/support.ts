import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '@tongban/engine/testing';
import { startTestServer, type TestServer } from '../support/harness.js';

export interface SchedulerTestServer {
  readonly server: TestServer;
  readonly clock: FakeClock;
  dispose(): Promise<void>;
}

/**
 * A real server over a real SQLite file, its time moved by hand, with no
 * process deployed but the test's own; its scheduler loop is off, so each
 * tick is a `runOnce()` the test calls.
 */
export async function startSchedulerServer(): Promise<SchedulerTestServer> {
  const clock = new FakeClock('2026-03-02T01:00:00.000Z');
  const processesDir = mkdtempSync(join(tmpdir(), 'tongban-no-processes-'));
  const server = await startTestServer({ clock, processesDir });
  return {
    server, clock,
    dispose: async () => {
      await server.dispose();
      rmSync(processesDir, { recursive: true, force: true });
    },
  };
}

export interface LeaseRow {
  readonly status: string;
  readonly attempts: number;
  readonly lease_owner: string | null;
  readonly lease_until: string | null;
  readonly next_attempt_at: string | null;
}

/** The scheduler's columns of one timer or job. */
export function leaseRow(server: TestServer, table: 'timers' | 'jobs', id: string): LeaseRow {
  const row = server.services.db.prepare(`SELECT status, attempts, lease_owner, lease_until, next_attempt_at FROM ${table} WHERE id = ?`).get(id);
  if (!row) throw new Error(`No row ${id} in ${table}`);
  return row as LeaseRow;
}

/** The `timer.fire` commands in an instance's history. */
export async function timerFires(server: TestServer, instanceId: string): Promise<string[]> {
  const history = await server.services.store.listHistory(instanceId);
  return history.flatMap((h) => (h.command.type === 'timer.fire' ? [h.command.timerId] : []));
}
