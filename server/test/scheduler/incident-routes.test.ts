import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorProcess } from './fixtures.js';
import { leaseRow, startSchedulerServer, type SchedulerTestServer } from './support.js';

let t: SchedulerTestServer;
let incidentId: string;
let jobId: string;

beforeAll(async () => {
  t = await startSchedulerServer();
  const { runtime, store } = t.server.services;
  await runtime.deploy(connectorProcess('registry_lookup', 'not-installed'));
  await runtime.start('registry_lookup');
  jobId = (await store.listPendingJobs(1))[0]!.id;
  for (let i = 0; i < 5; i++) {
    await t.server.scheduler.runOnce();
    const next = leaseRow(t.server, 'jobs', jobId).next_attempt_at;
    if (next) t.clock.set(next);
  }
  const row = t.server.services.db.prepare<[], { id: string }>('SELECT id FROM incidents').get();
  incidentId = row!.id;
});
afterAll(() => t.dispose());

describe('incident routes', () => {
  it('refuse anonymous callers with 401 and other roles with 403', async () => {
    const anonymous = t.server.anonymous();
    expect((await anonymous.get('/api/incidents')).status).toBe(401);
    expect((await anonymous.post(`/api/incidents/${incidentId}/retry`)).status).toBe(401);

    for (const username of ['designer', 'manager', 'frontdesk']) {
      const user = await t.server.signIn(username);
      const list = await user.get<{ code: string }>('/api/incidents');
      expect(list.status).toBe(403);
      expect(list.body.code).toBe('access/forbidden');
      expect((await user.post(`/api/incidents/${incidentId}/retry`)).status).toBe(403);
    }
    expect(leaseRow(t.server, 'jobs', jobId).attempts).toBe(5);
  });

  it('page the list and check the query', async () => {
    const admin = await t.server.signIn('admin');
    const page = await admin.get<{ items: unknown[]; total: number; limit: number; offset: number }>('/api/incidents?status=open&limit=1&offset=0');
    expect(page.body).toMatchObject({ total: 1, limit: 1, offset: 0 });
    expect(page.body.items).toHaveLength(1);
    expect((await admin.get<{ items: unknown[] }>('/api/incidents?offset=1')).body.items).toEqual([]);
    const wrong = await admin.get<{ errors: { in: string; path: string }[] }>('/api/incidents?status=closed');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ in: 'query', path: 'status' });
  });

  it('answer 404 for an unknown incident and 409 for one already retried', async () => {
    const admin = await t.server.signIn('admin');
    const unknown = await admin.post<{ code: string }>('/api/incidents/no-such-incident/retry');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not-found');

    expect((await admin.post(`/api/incidents/${incidentId}/retry`)).status).toBe(200);
    const again = await admin.post<{ code: string }>(`/api/incidents/${incidentId}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
  });

  it('are in the API document', async () => {
    const doc = await t.server.anonymous().get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/incidents', '/api/incidents/{id}/retry']));
  });
});
