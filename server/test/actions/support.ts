import { join } from 'node:path';
import { expect } from 'vitest';
import { startTestServer, type ApiClient } from '../support/harness.js';

export interface Task { id: string; elementId: string; department?: string; status: string; assignee?: string; dueAt?: string; createdAt: string }
export interface Result { id: string; status: string; applicationStatus: string; openTasks: Task[]; code?: string; reason?: string }

export const DEPARTMENTS = ['market', 'police', 'tax', 'hrss', 'medical-insurance', 'housing-fund'] as const;

/** The real server over a temporary SQLite file, with the six-branch "one thing" as its only process, and every clerk signed in. */
export async function sixBranchServer() {
  const server = await startTestServer({ processesDir: join(import.meta.dirname, 'fixtures') });
  const frontdesk = await server.signIn('frontdesk');
  const clerks = Object.fromEntries(await Promise.all(DEPARTMENTS.map(async (d) => [d, await server.signIn(`clerk-${d}`)] as const))) as Record<(typeof DEPARTMENTS)[number], ApiClient>;
  const admin = await server.signIn('admin');
  const created = await admin.post('/api/users', { username: 'clerk-market-2', displayName: '市场监管二', password: 'tongban-2026!', roles: ['clerk'], departments: ['market'] });
  expect(created.status, created.text).toBe(201);
  const market2 = await server.signIn('clerk-market-2', 'tongban-2026!');
  const userId = async (client: ApiClient) => (await client.get<{ user: { id: string } }>('/api/session')).body.user.id;

  /** A new application, accepted at the front desk: six review tasks open. */
  async function accepted(): Promise<string> {
    const started = await frontdesk.post<{ id: string }>('/api/instances', { processId: 'six_branches', variables: { taxSigners: ['a', 'b', 'c'] } });
    expect(started.status, started.text).toBe(201);
    const id = started.body.id;
    const accept = (await tasks(id)).find((t) => t.elementId === 'accept' && t.status === 'open')!;
    const done = await frontdesk.post(`/api/tasks/${encodeURIComponent(accept.id)}/complete`, {});
    expect(done.status, done.text).toBe(200);
    return id;
  }

  /** Every task of the application, as the front desk sees it. */
  async function tasks(id: string): Promise<Task[]> {
    const res = await frontdesk.get<{ tasks: Task[] }>(`/api/instances/${encodeURIComponent(id)}`);
    expect(res.status, res.text).toBe(200);
    return res.body.tasks;
  }
  const open = async (id: string) => (await tasks(id)).filter((t) => t.status === 'open').sort((a, b) => a.id.localeCompare(b.id));
  const openOf = async (id: string, elementId: string) => {
    const found = (await open(id)).filter((t) => t.elementId === elementId);
    expect(found, `one open ${elementId}`).toHaveLength(1);
    return found[0]!;
  };
  const path = (taskId: string, action: string) => `/api/tasks/${encodeURIComponent(taskId)}/${action}`;
  const complete = async (client: ApiClient, id: string, elementId: string) => {
    const res = await client.post(path((await openOf(id, elementId)).id, 'complete'), {});
    expect(res.status, res.text).toBe(200);
  };
  return { server, frontdesk, clerks, admin, market2, userId, accepted, tasks, open, openOf, path, complete, dispose: () => server.dispose() };
}

export type SixBranchServer = Awaited<ReturnType<typeof sixBranchServer>>;
