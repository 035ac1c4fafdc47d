import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type TestServer } from '../support/harness.js';

interface Task { id: string; name?: string; department?: string; status: string; light: string; assignee?: string }
interface Page<T> { items: T[]; total: number }
interface Instance { id: string; status: string; tasks: Task[]; awaitingCorrection: boolean; pauses: { kind: string; to?: string }[]; timeline: { type: string }[] }

let server: TestServer;
let frontdesk: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  frontdesk = await server.signIn('frontdesk');
});
afterAll(() => server.dispose());

async function openTasks(client: ApiClient, query = ''): Promise<Task[]> {
  const page = await client.get<Page<Task>>(`/api/tasks?status=open&limit=100${query}`);
  expect(page.status).toBe(200);
  return page.body.items;
}

async function completeOne(client: ApiClient, instanceId: string, variables?: Record<string, unknown>): Promise<void> {
  const [task] = await openTasks(client, `&instanceId=${instanceId}`);
  expect(task, 'an open task in the clerk\'s department').toBeDefined();
  const claimed = await client.post(`/api/tasks/${encodeURIComponent(task!.id)}/claim`);
  expect(claimed.status).toBe(200);
  const done = await client.post(`/api/tasks/${encodeURIComponent(task!.id)}/complete`, { ...(variables ? { variables } : {}), comment: '同意' });
  expect(done.status, done.text).toBe(200);
}

describe('a "one thing" through the API', () => {
  it('runs from the front desk through six parallel departments to its end', async () => {
    const started = await frontdesk.post<Instance>('/api/instances', {
      processId: 'open_company', businessKey: 'QY-2026-0001',
      variables: { companyName: '示例科技有限公司', applicantName: '张三', applicantIdNumber: '11010519491231002X', mobile: '13812345678' },
    });
    expect(started.status, started.text).toBe(201);
    const id = started.body.id;

    await completeOne(frontdesk, id);
    const departments = ['market', 'police', 'tax', 'hrss', 'housing-fund', 'medical-insurance'];
    const clerks = await Promise.all(departments.map((d) => server.signIn(`clerk-${d}`)));
    // All six are open at once: that is the parallel design.
    for (const clerk of clerks) expect(await openTasks(clerk, `&instanceId=${id}`)).toHaveLength(1);
    await Promise.all(clerks.map((clerk) => completeOne(clerk, id)));
    await completeOne(frontdesk, id);

    const finished = await frontdesk.get<Instance>(`/api/instances/${id}`);
    expect(finished.body.status).toBe('completed');
    expect(finished.body.tasks.filter((t) => t.status === 'completed')).toHaveLength(8);
  });

  it('lets exactly one of 20 concurrent completions of one task succeed; the others get 409', async () => {
    const started = await frontdesk.post<Instance>('/api/instances', { processId: 'open_company' });
    const [accept] = await openTasks(frontdesk, `&instanceId=${started.body.id}`);
    const answers = await Promise.all(Array.from({ length: 20 }, () => frontdesk.post(`/api/tasks/${encodeURIComponent(accept!.id)}/complete`, {})));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((st) => st === 200)).toHaveLength(1);
    expect(statuses.filter((st) => st === 409)).toHaveLength(19);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.headers.get('content-type')).toContain('application/problem+json');
    const instance = await frontdesk.get<Instance>(`/api/instances/${started.body.id}`);
    expect(instance.body.timeline.filter((e) => e.type === 'task.complete')).toHaveLength(1);
  });

  it('stops the clock on a return for correction and runs it again on resubmission', async () => {
    const started = await frontdesk.post<Instance>('/api/instances', { processId: 'open_company' });
    const [accept] = await openTasks(frontdesk, `&instanceId=${started.body.id}`);
    const returned = await frontdesk.post(`/api/tasks/${encodeURIComponent(accept!.id)}/return-for-correction`, { reasons: [{ field: 'companyName', message: '名称与核准名称不一致' }] });
    expect(returned.status, returned.text).toBe(200);
    let instance = await frontdesk.get<Instance>(`/api/instances/${started.body.id}`);
    expect(instance.body.awaitingCorrection).toBe(true);
    expect(instance.body.pauses.at(-1)).toMatchObject({ kind: 'correction' });
    // While the applicant corrects, the task cannot be completed.
    expect((await frontdesk.post(`/api/tasks/${encodeURIComponent(accept!.id)}/complete`, {})).status).toBe(409);

    const resubmitted = await frontdesk.post(`/api/instances/${started.body.id}/resubmission`, { variables: { companyName: '示例科技（北京）有限公司' } });
    expect(resubmitted.status, resubmitted.text).toBe(200);
    instance = await frontdesk.get<Instance>(`/api/instances/${started.body.id}`);
    expect(instance.body.awaitingCorrection).toBe(false);
    expect(instance.body.pauses.at(-1)?.to).toBeDefined();
    expect((await frontdesk.post(`/api/tasks/${encodeURIComponent(accept!.id)}/complete`, {})).status).toBe(200);
    // A second resubmission has nothing to resume.
    expect((await frontdesk.post(`/api/instances/${started.body.id}/resubmission`, {})).status).toBe(409);
  });

  it('masks personal data for a manager and shows it to the front desk', async () => {
    const started = await frontdesk.post<Instance & { variables: Record<string, string> }>('/api/instances', {
      processId: 'open_company', variables: { applicantName: '李四', applicantIdNumber: '11010519491231002X', mobile: '13812345678', companyName: '示例有限公司' },
    });
    expect(started.body.variables.applicantIdNumber).toBe('11010519491231002X');
    const manager = await server.signIn('manager');
    const seen = await manager.get<{ variables: Record<string, string>; masked: boolean }>(`/api/instances/${started.body.id}`);
    expect(seen.body.masked).toBe(true);
    expect(seen.body.variables).toMatchObject({ applicantName: '李*', applicantIdNumber: '110105********002X', mobile: '138****5678', companyName: '示例有限公司' });
  });

  it('keeps a clerk to their own department: a foreign task is 404, a foreign application is 404', async () => {
    const started = await frontdesk.post<Instance>('/api/instances', { processId: 'open_company' });
    const [accept] = await openTasks(frontdesk, `&instanceId=${started.body.id}`);
    const tax = await server.signIn('clerk-tax');
    expect((await tax.get(`/api/tasks/${encodeURIComponent(accept!.id)}`)).status).toBe(404);
    expect((await tax.post(`/api/tasks/${encodeURIComponent(accept!.id)}/claim`)).status).toBe(404);
    expect((await tax.get(`/api/instances/${started.body.id}`)).status).toBe(404);
    const list = await tax.get<Page<{ id: string }>>('/api/instances?limit=100');
    expect(list.body.items.map((i) => i.id)).not.toContain(started.body.id);
  });
});
