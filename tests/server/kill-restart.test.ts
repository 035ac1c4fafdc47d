import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../server/test/support/harness.js';
import { spawnServer, type ServerProcess } from '../support/server-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tongban-kill-'));
const running: ServerProcess[] = [];
afterAll(() => {
  for (const p of running) p.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const env = { DATA_DIR: dataDir, TONGBAN_SCHEDULER: 'false', TONGBAN_RATE_PER_SECOND: '10000', TONGBAN_RATE_BURST: '10000' };
const INSTANCES = 60;

interface Task { id: string; status: string }
interface Timeline { timeline: { type: string; taskId?: string }[] }

describe('the server killed with SIGKILL in a burst of completions', () => {
  it('keeps every acknowledged completion, doubles none, and goes on after a restart', async () => {
    const first = await spawnServer(env);
    running.push(first);
    const frontdesk = new ApiClient(first.url);
    await frontdesk.signIn('frontdesk', 'tongban');
    const tasks: { instanceId: string; taskId: string }[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      const started = await frontdesk.post<{ id: string; tasks: Task[] }>('/api/instances', { processId: 'open_company', businessKey: `KILL-${i}` });
      expect(started.status, started.text).toBe(201);
      tasks.push({ instanceId: started.body.id, taskId: started.body.tasks.find((t) => t.status === 'open')!.id });
    }

    // The burst: every completion at once; the process dies when a third have been acknowledged.
    const acknowledged = new Set<string>();
    const refused: string[] = [];
    let killed = false;
    await Promise.all(tasks.map(async ({ taskId }) => {
      try {
        const answer = await frontdesk.post(`/api/tasks/${encodeURIComponent(taskId)}/complete`, {});
        if (answer.status === 200) acknowledged.add(taskId);
        else refused.push(`${answer.status} ${answer.text}`);
      } catch {
        // The connection died with the process: not acknowledged.
      }
      if (!killed && acknowledged.size >= INSTANCES / 3) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    }));
    await first.exited;
    expect(refused).toEqual([]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(INSTANCES / 3);

    const second = await spawnServer(env);
    running.push(second);
    // Sessions live in the store: the same cookie works after the restart.
    const after = new ApiClient(second.url);
    Object.assign(after, { cookie: frontdesk.cookieHeader(), csrfToken: frontdesk.csrfToken });
    let completedAfterRestart = 0;
    for (const { instanceId, taskId } of tasks) {
      const task = await after.get<Task>(`/api/tasks/${encodeURIComponent(taskId)}`);
      expect(task.status).toBe(200);
      if (acknowledged.has(taskId)) expect(task.body.status, `acknowledged ${taskId}`).toBe('completed');
      const instance = await after.get<Timeline>(`/api/instances/${instanceId}`);
      const completions = instance.body.timeline.filter((e) => e.type === 'task.complete' && e.taskId === taskId);
      expect(completions.length, `completions of ${taskId}`).toBe(task.body.status === 'completed' ? 1 : 0);
      // Whatever was not acknowledged can be completed now, once.
      if (task.body.status === 'open') {
        expect((await after.post(`/api/tasks/${encodeURIComponent(taskId)}/complete`, {})).status).toBe(200);
        completedAfterRestart++;
      }
    }
    expect(acknowledged.size + completedAfterRestart).toBeLessThanOrEqual(INSTANCES);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
