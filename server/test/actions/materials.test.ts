import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type TestServer } from '../support/harness.js';

interface Materials { id: string; status: string; applicationStatus: string; materials: { material: string; status: string; suppliedBy?: string }[] }
interface Problem { code: string; reason?: string }

let server: TestServer;
let frontdesk: ApiClient;
let frontdeskId: string;
beforeAll(async () => {
  server = await startTestServer();
  frontdesk = await server.signIn('frontdesk');
  frontdeskId = (await frontdesk.get<{ user: { id: string } }>('/api/session')).body.user.id;
});
afterAll(() => server.dispose());

/** 容缺受理 at the front desk: the application is accepted with these materials missing, 5 working days to supply each. */
async function acceptedWithMissing(...materials: string[]): Promise<string> {
  const started = await frontdesk.post<{ id: string }>('/api/instances', { processId: 'open_company', missingMaterials: materials.map((material) => ({ material })) });
  if (started.status !== 201) throw new Error(started.text);
  return started.body.id;
}

const supplied = (id: string, material: string, client = frontdesk) =>
  client.post<Materials & Problem>(`/api/instances/${encodeURIComponent(id)}/materials/${encodeURIComponent(material)}/supplied`);

async function finishProcess(id: string): Promise<void> {
  const { runtime, store } = server.services;
  for (let open = await store.listTasks({ instanceId: id, status: 'open' }); open.length > 0; open = await store.listTasks({ instanceId: id, status: 'open' })) {
    for (const task of open) await runtime.completeTask(task.id, { actor: { userId: 'clerk' } });
  }
}

describe('accepting an application with missing materials or commitments (POST /api/instances)', () => {
  it('shows each missing material with its working-day deadline, and each commitment', async () => {
    const signedAt = server.services.clock.now().toISOString();
    const started = await frontdesk.post<Materials & { commitments: unknown[] }>('/api/instances', {
      processId: 'open_company',
      missingMaterials: [{ material: '房屋租赁合同', supplementWithin: '3wd' }],
      commitments: [{ material: '住所使用证明', signedBy: '王小明', signedAt }],
    });
    expect(started.status, started.text).toBe(201);
    const due = (started.body.materials[0] as unknown as { dueAt: string }).dueAt;
    expect(due).toBe(server.services.calendar.dueAt(new Date(signedAt), { amount: 3, unit: 'wd' }).toISOString());
    expect(started.body.commitments).toEqual([{ material: '住所使用证明', signedBy: '王小明', signedAt: new Date(signedAt).toISOString() }]);
  });

  it('refuses a material listed twice at its path, and starts nothing', async () => {
    const before = (await frontdesk.get<{ total: number }>('/api/instances')).body.total;
    const refused = await frontdesk.post<{ code: string; errors: { path: string }[] }>('/api/instances', {
      processId: 'open_company', missingMaterials: [{ material: '营业执照副本' }, { material: '营业执照副本' }],
    });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.errors[0]?.path).toMatch(/^missingMaterials\.1/);
    const badLimit = await frontdesk.post('/api/instances', { processId: 'open_company', missingMaterials: [{ material: '章程', supplementWithin: 'soon' }] });
    expect(badLimit.status).toBe(400);
    expect((await frontdesk.get<{ total: number }>('/api/instances')).body.total).toBe(before);
  });
});

describe('POST /api/instances/:id/materials/:material/supplied', () => {
  it('records the material as supplied by the front desk, audited', async () => {
    const id = await acceptedWithMissing('营业执照副本', '房屋租赁合同');
    const res = await supplied(id, '营业执照副本');
    expect(res.status, res.text).toBe(200);
    expect(res.body.applicationStatus).toBe('active');
    expect(res.body.materials).toEqual([
      expect.objectContaining({ material: '营业执照副本', status: 'supplied', suppliedBy: frontdeskId }),
      expect.objectContaining({ material: '房屋租赁合同', status: 'missing' }),
    ]);
    const admin = await server.signIn('admin');
    const audit = await admin.get<{ items: { action: string; actor?: string; details?: Record<string, unknown> }[] }>(`/api/audit?instanceId=${encodeURIComponent(id)}&limit=100`);
    expect(audit.body.items.find((a) => a.action === 'instance.material.supply')).toMatchObject({ actor: frontdeskId, details: { material: '营业执照副本' } });
  });

  it('completes an application that awaited only this material', async () => {
    const id = await acceptedWithMissing('营业执照副本');
    await finishProcess(id);
    const detail = await frontdesk.get<{ status: string }>(`/api/instances/${encodeURIComponent(id)}`);
    expect(detail.body.status).toBe('active');
    const res = await supplied(id, '营业执照副本');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'completed', applicationStatus: 'completed' });
  });

  it('answers 409 when the material was already supplied', async () => {
    const id = await acceptedWithMissing('营业执照副本');
    expect((await supplied(id, '营业执照副本')).status).toBe(200);
    const again = await supplied(id, '营业执照副本');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'command/rejected', reason: 'material/not-missing' });
  });

  it('answers 409 for a material that was not accepted as missing', async () => {
    const id = await acceptedWithMissing('营业执照副本');
    const res = await supplied(id, '身份证');
    expect(res.status).toBe(409);
    expect(res.body.reason).toBe('material/unknown');
  });

  it('answers 409 when the application has moved on (ended)', async () => {
    const id = await acceptedWithMissing('营业执照副本');
    await server.services.runtime.terminate(id, 'test', { userId: frontdeskId });
    const res = await supplied(id, '营业执照副本');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'task/not-open', reason: 'instance/ended' });
  });

  it('answers 404 for an application that does not exist', async () => {
    expect((await supplied('no-such-instance', '营业执照副本')).status).toBe(404);
  });

  it('is for the front desk only', async () => {
    const id = await acceptedWithMissing('营业执照副本');
    const clerk = await server.signIn('clerk-market');
    expect((await supplied(id, '营业执照副本', clerk)).status).toBe(403);
    expect((await server.services.runtime.getInstance(id)).materials![0]!.status).toBe('missing');
  });
});

describe('容缺受理 and 告知承诺 in the process report', () => {
  it('counts the applications received with missing materials or commitments', async () => {
    const manager = await server.signIn('manager');
    const before = (await manager.get<{ measured: { acceptance: Record<string, number> } }>('/api/reports/processes/open_company')).body.measured.acceptance;
    await acceptedWithMissing('公司章程');
    const signedAt = server.services.clock.now().toISOString();
    expect((await frontdesk.post('/api/instances', { processId: 'open_company', commitments: [{ material: '住所使用证明', signedBy: '王小明', signedAt }] })).status).toBe(201);

    const after = (await manager.get<{ measured: { acceptance: Record<string, number> } }>('/api/reports/processes/open_company')).body.measured.acceptance;

    expect(after.withMissingMaterials).toBe(before.withMissingMaterials! + 1);
    expect(after.withCommitments).toBe(before.withCommitments! + 1);
  });
});
