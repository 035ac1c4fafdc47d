/**
 * POST /api/tasks/:id/complete checks the clerk's variables against the
 * task's form deployed with the instance's version, with the application's
 * variables as the context. The demo diagram names no department form yet,
 * so this package is the demo one with the market task naming its form.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enc, expectProblem } from '../support/acceptance.js';
import { REPO_ROOT, startTestServer, type ApiClient, type TestServer } from '../support/harness.js';
import { validApplication } from './support.js';

const temp = mkdtempSync(join(tmpdir(), 'tongban-forms-task-'));
const bpmn = join(temp, 'enterprise-startup', 'process.bpmn');
cpSync(join(REPO_ROOT, 'processes', 'enterprise-startup'), join(temp, 'enterprise-startup'), { recursive: true });
// The seal task names a form the package does not hold: it is not checked (documented), as before forms were deployed.
writeFileSync(bpmn, readFileSync(bpmn, 'utf8')
  .replace('<bpmn:userTask id="Task_market" ', '<bpmn:userTask id="Task_market" tb:form="market-registration" ')
  .replace('<bpmn:userTask id="Task_seal" ', '<bpmn:userTask id="Task_seal" tb:form="seal-filing-draft" '));

let server: TestServer;
let frontdesk: ApiClient;
let market: ApiClient;

beforeAll(async () => {
  expect(readFileSync(bpmn, 'utf8')).toContain('tb:form="market-registration"');
  expect(readFileSync(bpmn, 'utf8')).toContain('tb:form="seal-filing-draft"');
  server = await startTestServer({ processesDir: temp });
  frontdesk = await server.signIn('frontdesk');
  market = await server.signIn('clerk-market');
});
afterAll(async () => {
  await server.dispose();
  rmSync(temp, { recursive: true, force: true });
});

interface Task { id: string; elementId: string; status: string }

/** Starts a valid application, accepts it at the front desk and returns the open market task. */
async function marketTask(): Promise<{ instanceId: string; taskId: string }> {
  const started = await frontdesk.post<{ id: string; tasks: Task[] }>('/api/instances', { processId: 'open_company', variables: validApplication() });
  expect(started.status, started.text).toBe(201);
  const accept = started.body.tasks.find((t) => t.elementId === 'Task_accept')!;
  expect((await frontdesk.post(`/api/tasks/${enc(accept.id)}/complete`, {})).status).toBe(200);
  const detail = await frontdesk.get<{ tasks: Task[] }>(`/api/instances/${started.body.id}`);
  const tasks = await market.get<{ items: Task[] }>(`/api/tasks?instanceId=${started.body.id}`);
  const task = tasks.body.items.find((t) => t.elementId === 'Task_market' && t.status === 'open');
  expect(task, JSON.stringify(detail.body.tasks)).toBeDefined();
  return { instanceId: started.body.id, taskId: task!.id };
}

const decision = { company: { creditCode: '91110108123456788E', establishedOn: '2026-11-24' }, market: { decision: 'approve' } };

describe('the task form on POST /api/tasks/:id/complete', () => {
  it('refuses a missing required field and a change to what the front desk filled in, leaving the task open', async () => {
    const { taskId } = await marketTask();
    const missing = await market.post(`/api/tasks/${enc(taskId)}/complete`, { variables: { market: { decision: 'approve' } } });
    expect(missing.status, missing.text).toBe(400);
    const missingErrors = expectProblem(missing).errors ?? [];
    expect(missingErrors.map((e) => e.path).sort()).toEqual(['variables.company.creditCode', 'variables.company.establishedOn']);
    expect(missingErrors[0]).toMatchObject({ in: 'body', code: 'form/required' });

    const renamed = await market.post(`/api/tasks/${enc(taskId)}/complete`, { variables: { ...decision, company: { ...decision.company, name: '改名有限公司' } } });
    expect(renamed.status, renamed.text).toBe(400);
    expect(expectProblem(renamed).errors).toEqual([expect.objectContaining({ path: 'variables.company.name', pointer: '/variables/company/name', code: 'form/not-writable' })]);

    const task = await market.get<Task>(`/api/tasks/${enc(taskId)}`);
    expect(task.body.status).toBe('open');
  });

  it('completes with a valid decision and keeps the front desk\'s values', async () => {
    const { instanceId, taskId } = await marketTask();
    const done = await market.post(`/api/tasks/${enc(taskId)}/complete`, { variables: decision });
    expect(done.status, done.text).toBe(200);
    const detail = await frontdesk.get<{ variables: { company: Record<string, unknown>; market: Record<string, unknown> }; provenance: Record<string, { origin: string }> }>(`/api/instances/${instanceId}`);
    expect(detail.body.provenance['company.name']?.origin).toBe('applicant');
    expect(detail.body.provenance['company.creditCode']?.origin).toBe('clerk');
    expect(detail.body.variables.company).toMatchObject({ name: '北京同办新创科技有限公司', creditCode: '91110108123456788E', establishedOn: '2026-11-24' });
    expect(detail.body.variables.market).toEqual({ decision: 'approve' });
  });

  it('does not check a task whose form was not deployed with its process', async () => {
    const { instanceId } = await marketTask();
    const police = await server.signIn('clerk-police');
    const tasks = await police.get<{ items: Task[] }>(`/api/tasks?instanceId=${instanceId}`);
    const seal = tasks.body.items.find((t) => t.elementId === 'Task_seal' && t.status === 'open');
    expect(seal, JSON.stringify(tasks.body)).toBeDefined();
    const done = await police.post(`/api/tasks/${enc(seal!.id)}/complete`, { variables: { sealNote: '已备案' } });
    expect(done.status, done.text).toBe(200);
    const detail = await frontdesk.get<{ variables: Record<string, unknown> }>(`/api/instances/${instanceId}`);
    expect(detail.body.variables.sealNote).toBe('已备案');
  });
});
