import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { timerProcess } from '../../server/test/scheduler/fixtures.js';
import { ApiClient } from '../../server/test/support/harness.js';
import { REPO_ROOT, spawnServer, type ServerProcess } from '../support/server-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tongban-kill-'));
const processesDir = join(dataDir, 'processes');
mkdirSync(join(processesDir, 'enterprise-startup'), { recursive: true });
copyFileSync(join(REPO_ROOT, 'processes', 'enterprise-startup', 'process.bpmn'), join(processesDir, 'enterprise-startup', 'process.bpmn'));
mkdirSync(join(processesDir, 'publicity'));
/** start → a 2-second wait (a publicity period, shortened) → end: its timer falls due around the kill. */
writeFileSync(join(processesDir, 'publicity', 'process.bpmn'), timerProcess('publicity', 'PT2S'));
const running: ServerProcess[] = [];
afterAll(() => {
  for (const p of running) p.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const env = {
  DATA_DIR: dataDir, TONGBAN_PROCESSES_DIR: processesDir, TONGBAN_SCHEDULER_INTERVAL_MS: '100',
  TONGBAN_RATE_PER_SECOND: '10000', TONGBAN_RATE_BURST: '10000',
};
const INSTANCES = 60;
const TIMERS = 30;

interface Task { id: string; status: string }
interface Timeline { timeline: { type: string; taskId?: string }[] }

describe('the server killed with SIGKILL in a burst of completions', () => {
  it('keeps every acknowledged completion, doubles none, fires every due timer once, and goes on after a restart', async () => {
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

    // The burst: every completion at once, and applications whose timers fall due meanwhile;
    // the process dies when a third of the completions have been acknowledged.
    const acknowledged = new Set<string>();
    const refused: string[] = [];
    const timerInstances = new Set<string>();
    let killed = false;
    const starts = Array.from({ length: TIMERS }, async () => {
      try {
        const started = await frontdesk.post<{ id: string }>('/api/instances', { processId: 'publicity' });
        if (started.status === 201) timerInstances.add(started.body.id);
      } catch {
        // Lost with the process.
      }
    });
    await Promise.all([...starts, ...tasks.map(async ({ taskId }) => {
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
    })]);
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

    // Every publicity timer fires once: those due before the kill and those due after the restart.
    const deadline = Date.now() + 20_000;
    let publicity: { items: { id: string; status: string }[]; total: number };
    for (;;) {
      publicity = (await after.get<typeof publicity>('/api/instances?processId=publicity&limit=100')).body;
      if (publicity.items.every((i) => i.status === 'completed') || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const id of timerInstances) expect(publicity.items.map((i) => i.id)).toContain(id);
    for (const instance of publicity.items) {
      expect(instance.status, instance.id).toBe('completed');
      const detail = await after.get<Timeline>(`/api/instances/${instance.id}`);
      expect(detail.body.timeline.filter((e) => e.type === 'timer.fire'), instance.id).toHaveLength(1);
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
