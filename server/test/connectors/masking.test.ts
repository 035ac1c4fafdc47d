/**
 * Acceptance: personal data in every route that can return it, for every
 * role. An application is started from prefilled shared data; then each
 * role reads everything it may. The front desk and the clerks handling the
 * application get clear values, and each such read is audited; every other
 * role, and every list, export and audit view, sees only masked values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enc } from '../support/acceptance.js';
import type { ApiClient } from '../support/harness.js';
import { startWithExchange, WANG, type ExchangeServer } from './support.js';

const CLEAR = { citizenId: WANG, name: '王小明', mobile: '13800138000', address: '北京市朝阳区建设路18号3栋2单元501室' };
const ROLES = ['admin', 'designer', 'frontdesk', 'manager', 'clerk-market', 'clerk-tax', 'clerk-bank'] as const;
type Role = (typeof ROLES)[number];
/** Who handles the application: the front desk that received it, and the clerks of departments with a task in it. */
const HANDLES: ReadonlySet<Role> = new Set(['frontdesk', 'clerk-market', 'clerk-tax']);

let t: ExchangeServer;
let instanceId: string;
let marketTaskId: string;
const clients = new Map<Role, ApiClient>();

beforeAll(async () => {
  t = await startWithExchange();
  for (const role of ROLES) clients.set(role, await t.server.signIn(role));
  const frontdesk = clients.get('frontdesk')!;
  const prefill = await frontdesk.post<{ prefillId: string; variables: { applicant: Record<string, unknown> } }>(
    '/api/definitions/open_company/start-form/prefill', { variables: { applicant: { citizenId: WANG } } });
  const started = await frontdesk.post<{ id: string; tasks: { id: string; department?: string }[] }>('/api/instances', {
    processId: 'open_company', businessKey: 'MASK-1', prefillId: prefill.body.prefillId,
    variables: { applicant: { ...prefill.body.variables.applicant, citizenId: WANG } },
  });
  instanceId = started.body.id;
  const accept = started.body.tasks.find((task) => task.department === 'front-desk')!;
  expect((await frontdesk.post(`/api/tasks/${enc(accept.id)}/complete`, {})).status).toBe(200);
  const detail = await clients.get('manager')!.get<{ tasks: { id: string; department?: string; status: string }[] }>(`/api/instances/${instanceId}`);
  marketTaskId = detail.body.tasks.find((task) => task.department === 'market' && task.status === 'open')!.id;
});
afterAll(() => t.dispose());

function clearValuesIn(text: string): string[] {
  return Object.values(CLEAR).filter((value) => text.includes(value));
}

/** Every read route that can carry an application's data, as the role may call it. */
const READS: Record<string, (role: Role) => string | undefined> = {
  'GET /api/instances/{id}': () => `/api/instances/${instanceId}`,
  'GET /api/instances': () => '/api/instances?q=MASK-1',
  'GET /api/tasks': () => '/api/tasks?view=all',
  'GET /api/tasks/{id}': () => `/api/tasks/${enc(marketTaskId)}`,
  'GET /api/audit': () => '/api/audit?limit=100',
  'GET /api/reports/processes/{processId}': () => '/api/reports/processes/open_company',
  'GET /api/reports/processes/{processId}/export.csv': () => '/api/reports/processes/open_company/export.csv?rows=instances',
};

describe('personal data by role', () => {
  for (const role of ROLES) {
    it(`${role} ${HANDLES.has(role) ? 'reads clear values where it handles the application, audited' : 'never receives a clear value'}`, async () => {
      const client = clients.get(role)!;
      for (const [route, path] of Object.entries(READS)) {
        const response = await client.get(path(role)!);
        if (response.status >= 400) continue; // refused or out of scope: nothing returned at all
        const leaked = clearValuesIn(response.text);
        if (route === 'GET /api/instances/{id}' && HANDLES.has(role)) {
          expect(leaked.sort(), `${role} ${route}`).toEqual(Object.values(CLEAR).sort());
        } else {
          expect(leaked, `${role} ${route}`).toEqual([]);
        }
      }
    });
  }

  it('masks by the patterns of the identifiers reference for the roles that oversee', async () => {
    const detail = await clients.get('manager')!.get<{ variables: { applicant: Record<string, string> }; masked: boolean }>(`/api/instances/${instanceId}`);
    expect(detail.body.masked).toBe(true);
    expect(detail.body.variables.applicant).toMatchObject({ citizenId: '110105********1238', name: '王**', mobile: '138****8000', address: '北京市朝阳区****' });
  });

  it('audits each clear read with who read which fields', async () => {
    const audit = await clients.get('admin')!.get<{ items: { actor?: string; instanceId?: string; details: { fields?: string[] } }[] }>(`/api/audit?action=personal-data.read&instanceId=${instanceId}&limit=100`);
    const readers = new Set(audit.body.items.map((e) => e.actor));
    for (const role of ['frontdesk', 'clerk-market', 'clerk-tax'] as const) {
      const id = (await clients.get(role)!.get<{ user: { id: string } }>('/api/session')).body.user.id;
      expect(readers, role).toContain(id);
    }
    expect(audit.body.items[0]?.details.fields).toEqual(expect.arrayContaining(['applicant.citizenId', 'applicant.name', 'applicant.mobile']));
  });

  it('prefill answers the front desk in clear and records the fetch with its purposes', async () => {
    const prefill = await clients.get('frontdesk')!.post('/api/definitions/open_company/start-form/prefill', { variables: { applicant: { citizenId: WANG } } });
    expect(clearValuesIn(prefill.text)).toEqual(expect.arrayContaining([CLEAR.name, CLEAR.mobile, CLEAR.address]));
    const test = await clients.get('admin')!.post('/api/connectors/population/test', { input: { citizenId: WANG } });
    expect(clearValuesIn(test.text)).toEqual([]);
  });
});
