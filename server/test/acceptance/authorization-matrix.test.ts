/**
 * Acceptance: the authorization matrix. Every route of the API × every role
 * × its own and a foreign department; nothing leaks, and every refusal is
 * the status this table documents.
 *
 * The rule for refusals:
 * - 401 `session/required`: no valid session, on every route that is not public.
 * - 403 `access/forbidden`: the ROLE may never use this route, whatever the
 *   object (a designer reading the inbox, a manager completing a task, a
 *   clerk uploading a process). It is decided before anything is looked up,
 *   so it says nothing about whether an object exists.
 * - 404 `not-found`: the role may use the route, but the OBJECT is outside
 *   the user's department scope. It answers exactly as for an object that
 *   does not exist, so a clerk cannot learn that another department's task
 *   or application exists (a 403 there would confirm it).
 * - Lists (GET /api/tasks, GET /api/instances, with `q=` search) apply the
 *   scope inside the query: foreign items are neither listed nor counted
 *   in `total`.
 *
 * The route list is the server's own: `/api/openapi.json` is generated from
 * the same route table the server mounts, and a route the EXPECTED table
 * does not place fails this suite, so a new route cannot ship without a
 * decision about who may call it.
 *
 * The columns. The objects of one-task and one-application routes are a
 * real application of the demo process `open_company`, forked to its six
 * parallel department tasks; the task is the one of department `market`:
 * - `clerk-market`: the clerk of the task's own department;
 * - `clerk-tax`: a clerk of a foreign department that has its own task in
 *   the same application (so it may read the application, but not the
 *   market task);
 * - `clerk-bank`: a clerk of a department with no part in the application
 *   (foreign to the application and every task in it);
 * - `frontdesk` (department `front-desk`): reads every application it may
 *   have received, but acts only on the front desk's own tasks;
 * - `admin`, `manager`, `designer`, `anonymous` (no session).
 *
 * An 'allow' cell expects a 2xx; where the fixture cannot give one (a retry
 * of an incident that does not exist) the row names the documented 4xx it
 * accepts instead, never 401 or 403. Cells whose action changes state get a
 * fresh application each, so no cell depends on another; refused cells
 * target the shared application, which must be unchanged at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type ApiResponse, type TestServer } from '../support/harness.js';
import { TASK_ACTION_ROWS } from '../actions/authorization-rows.js';
import { DatabaseWatch, enc, expectProblem, startApplication, taskOf, uniqueKey, validBpmn, type Application } from '../support/acceptance.js';

const COLUMNS = ['anonymous', 'admin', 'designer', 'frontdesk', 'manager', 'clerk-market', 'clerk-tax', 'clerk-bank'] as const;
type Column = (typeof COLUMNS)[number];
type Cell = 'allow' | 401 | 403 | 404;
type Cells = readonly [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];

/** The role each column's user holds (for the cross-check against the document's "Roles:" line). */
const ROLE_OF: Record<Exclude<Column, 'anonymous'>, string> = {
  admin: 'admin', designer: 'designer', frontdesk: 'frontdesk', manager: 'manager', 'clerk-market': 'clerk', 'clerk-tax': 'clerk', 'clerk-bank': 'clerk',
};

interface Fixtures {
  readonly server: TestServer;
  /** The shared application: refused cells target it, reads of allowed cells too. */
  readonly shared: Application;
  /** A fresh forked application, for a cell whose action changes state. */
  fresh(): Promise<Application>;
  client(column: Column): ApiClient;
  /** A newly signed-in client of the column's user (for routes that end or rotate the session). */
  freshClient(column: Column): Promise<ApiClient>;
  /** An account only this suite changes. */
  readonly throwawayUserId: string;
}

interface Request {
  readonly path: string;
  readonly json?: unknown;
  readonly raw?: string;
  readonly contentType?: string;
  /** Send with this client instead of the column's shared one. */
  readonly client?: ApiClient;
}

interface Row {
  readonly cells: Cells;
  /** Documented statuses an 'allow' cell accepts besides 2xx. */
  readonly allowAlso?: readonly number[];
  readonly request: (f: Fixtures, column: Column, cell: Cell) => Request | Promise<Request>;
}

const A = 'allow';
const ADMIN_ONLY: Cells = [401, A, 403, 403, 403, 403, 403, 403];
const ORIGIN = 'http://127.0.0.1:39999';
const DECLARATION = {
  name: '验收连接器', nameEn: 'Acceptance connector', purpose: '授权矩阵验收测试', method: 'GET', url: `${ORIGIN}/records/{key}`,
  timeoutMs: 500, retries: { max: 0, backoffMs: 0 }, circuitBreaker: { failureThreshold: 5, resetAfterMs: 1000 }, cacheTtlMs: 0, maxResponseBytes: 1024,
  fields: { name: { path: '$.name', type: 'string', personal: false } },
};
async function allowOrigin(f: Fixtures): Promise<void> {
  expect((await f.client('admin').post('/api/connector-origins', { origin: ORIGIN })).status).toBeLessThan(300);
}
/** A declared connector (its source need not run: the routes here only keep the catalogue). */
async function connector(f: Fixtures, id: string): Promise<string> {
  await allowOrigin(f);
  const put = await f.client('admin').put(`/api/connectors/${id}`, DECLARATION);
  expect(put.status, put.text).toBeLessThan(300);
  return id;
}
const task = (f: Fixtures, cell: Cell) => (cell === A ? f.fresh().then((app) => taskOf(app, 'market').id) : Promise.resolve(taskOf(f.shared, 'market').id));

/**
 * EXPECTED: who may call what. Columns:
 *   anonymous  admin  designer  frontdesk  manager  clerk-market(own)  clerk-tax(foreign task)  clerk-bank(foreign application)
 */
const EXPECTED: Record<string, Row> = {
  ...TASK_ACTION_ROWS,
  // health and the session: public, or any signed-in user
  'GET /healthz': { cells: [A, A, A, A, A, A, A, A], request: () => ({ path: '/healthz' }) },
  'GET /readyz': { cells: [A, A, A, A, A, A, A, A], request: () => ({ path: '/readyz' }) },
  'POST /api/session': {
    cells: [A, A, A, A, A, A, A, A],
    request: async (f, column) => ({ path: '/api/session', client: await f.freshClient(column), json: { username: column === 'anonymous' ? 'manager' : column, password: 'tongban' } }),
  },
  'GET /api/session': { cells: [401, A, A, A, A, A, A, A], request: () => ({ path: '/api/session' }) },
  'DELETE /api/session': { cells: [401, A, A, A, A, A, A, A], request: async (f, column) => ({ path: '/api/session', client: await f.freshClient(column) }) },

  // departments and accounts: administrators change them
  'GET /api/departments': { cells: [401, A, A, A, A, A, A, A], request: () => ({ path: '/api/departments' }) },
  'PUT /api/departments/{id}': { cells: [401, A, 403, 403, 403, 403, 403, 403], request: (_f, column) => ({ path: `/api/departments/acceptance-${column}`, json: { name: '验收测试部门' } }) },
  'GET /api/users': { cells: [401, A, 403, 403, 403, 403, 403, 403], request: () => ({ path: '/api/users' }) },
  'POST /api/users': {
    cells: [401, A, 403, 403, 403, 403, 403, 403],
    request: () => ({ path: '/api/users', json: { username: uniqueKey('acc-user').toLowerCase(), displayName: '验收账号', password: 'acceptance-password', roles: ['clerk'], departments: ['bank'] } }),
  },
  'PATCH /api/users/{id}': { cells: [401, A, 403, 403, 403, 403, 403, 403], request: (f) => ({ path: `/api/users/${f.throwawayUserId}`, json: { displayName: '验收账号（改）' } }) },

  // incidents: administrators
  'GET /api/incidents': { cells: [401, A, 403, 403, 403, 403, 403, 403], request: () => ({ path: '/api/incidents' }) },
  'POST /api/incidents/{id}/retry': { cells: [401, A, 403, 403, 403, 403, 403, 403], allowAlso: [404], request: () => ({ path: '/api/incidents/no-such-incident/retry' }) },

  // audit trail and calendar: administrators keep them, everyone reads the calendar
  'GET /api/audit': { cells: [401, A, 403, 403, 403, 403, 403, 403], request: () => ({ path: '/api/audit' }) },
  'GET /api/audit/verify': { cells: [401, A, 403, 403, 403, 403, 403, 403], request: () => ({ path: '/api/audit/verify' }) },
  'GET /api/calendar': { cells: [401, A, A, A, A, A, A, A], request: () => ({ path: '/api/calendar?year=2026' }) },
  'PUT /api/calendar/overrides/{date}': { cells: [401, A, 403, 403, 403, 403, 403, 403], request: () => ({ path: '/api/calendar/overrides/2031-01-06', json: { working: false, name: '验收' } }) },
  'DELETE /api/calendar/overrides/{date}': {
    cells: [401, A, 403, 403, 403, 403, 403, 403],
    request: async (f, _column, cell) => {
      if (cell === A) {
        const put = await f.client('admin').put('/api/calendar/overrides/2031-01-07', { working: false, name: '验收' });
        expect(put.status, put.text).toBeLessThan(300);
      }
      return { path: '/api/calendar/overrides/2031-01-07' };
    },
  },

  // process definitions: designers deploy, everyone signed in sees the list
  'POST /api/definitions': { cells: [401, A, A, 403, 403, 403, 403, 403], request: (_f, column) => ({ path: '/api/definitions', raw: validBpmn(`acceptance_${column.replace(/-/g, '_')}`), contentType: 'application/xml' }) },
  'GET /api/definitions': { cells: [401, A, A, A, A, A, A, A], request: () => ({ path: '/api/definitions' }) },
  'GET /api/definitions/{processId}/versions': { cells: [401, A, A, A, A, A, A, A], request: () => ({ path: '/api/definitions/open_company/versions' }) },
  'GET /api/definitions/{processId}/versions/{version}/bpmn': { cells: [401, A, A, 403, 403, 403, 403, 403], request: () => ({ path: '/api/definitions/open_company/versions/1/bpmn' }) },
  'GET /api/definitions/{processId}/versions/{version}/analysis': { cells: [401, A, A, 403, A, 403, 403, 403], request: () => ({ path: '/api/definitions/open_company/versions/1/analysis' }) },
  'GET /api/definitions/{processId}/start-form': { cells: [401, A, A, A, 403, 403, 403, 403], request: () => ({ path: '/api/definitions/open_company/start-form' }) },
  'POST /api/definitions/{processId}/start-form/prefill': { cells: [401, 403, 403, A, 403, 403, 403, 403], request: () => ({ path: '/api/definitions/open_company/start-form/prefill', json: { variables: {} } }) },

  // the connector catalogue: administrators keep it, designers pick bindings from it
  'GET /api/connectors': { cells: [401, A, A, 403, 403, 403, 403, 403], request: () => ({ path: '/api/connectors' }) },
  'GET /api/connectors/{id}': { cells: [401, A, A, 403, 403, 403, 403, 403], request: async (f, _c, cell) => ({ path: `/api/connectors/${cell === A ? await connector(f, 'acc-read') : 'acc-read'}` }) },
  'PUT /api/connectors/{id}': { cells: ADMIN_ONLY, request: async (f, _c, cell) => {
    if (cell === A) await allowOrigin(f);
    return { path: '/api/connectors/acc-put', json: DECLARATION };
  } },
  'DELETE /api/connectors/{id}': { cells: ADMIN_ONLY, request: async (f, _c, cell) => ({ path: `/api/connectors/${cell === A ? await connector(f, 'acc-delete') : 'acc-delete'}` }) },
  'POST /api/connectors/{id}/test': { cells: ADMIN_ONLY, request: async (f, _c, cell) => ({ path: `/api/connectors/${cell === A ? await connector(f, 'acc-test') : 'acc-test'}/test`, json: { input: { key: 'x' } } }) },
  'GET /api/connector-origins': { cells: ADMIN_ONLY, request: () => ({ path: '/api/connector-origins' }) },
  'POST /api/connector-origins': { cells: ADMIN_ONLY, request: () => ({ path: '/api/connector-origins', json: { origin: 'https://exchange.example.gov.cn' } }) },
  'DELETE /api/connector-origins': { cells: ADMIN_ONLY, request: async (f, _c, cell) => {
    if (cell === A) expect((await f.client('admin').post('/api/connector-origins', { origin: 'https://unused.example.gov.cn' })).status).toBeLessThan(300);
    return { path: `/api/connector-origins?origin=${enc('https://unused.example.gov.cn')}` };
  } },
  'GET /api/connector-secrets': { cells: ADMIN_ONLY, request: () => ({ path: '/api/connector-secrets' }) },
  'PUT /api/connector-secrets/{name}': { cells: ADMIN_ONLY, request: () => ({ path: '/api/connector-secrets/acc-secret', json: { value: 'acceptance-secret-value' } }) },
  'DELETE /api/connector-secrets/{name}': { cells: ADMIN_ONLY, request: async (f, _c, cell) => {
    if (cell === A) expect((await f.client('admin').put('/api/connector-secrets/acc-secret-2', { value: 'v' })).status).toBe(204);
    return { path: '/api/connector-secrets/acc-secret-2' };
  } },

  // applications: the front desk starts and resubmits; readers in scope read
  'POST /api/instances': { cells: [401, 403, 403, A, 403, 403, 403, 403], request: () => ({ path: '/api/instances', json: { processId: 'open_company', businessKey: uniqueKey('AUTHZ-START') } }) },
  'GET /api/instances': { cells: [401, A, 403, A, A, A, A, A], request: (f) => ({ path: `/api/instances?q=${enc(f.shared.businessKey)}` }) },
  'GET /api/instances/{id}': { cells: [401, A, 403, A, A, A, A, 404], request: (f) => ({ path: `/api/instances/${f.shared.instanceId}` }) },
  'POST /api/instances/{id}/resubmission': {
    cells: [401, 403, 403, A, 403, 403, 403, 403],
    request: async (f, _column, cell) => {
      if (cell !== A) return { path: `/api/instances/${f.shared.instanceId}/resubmission`, json: { comment: '已补正' } };
      const app = await f.fresh();
      const returned = await f.client('clerk-market').post(`/api/tasks/${enc(taskOf(app, 'market').id)}/return-for-correction`, { reasons: [{ field: 'companyName', message: '名称有误' }] });
      expect(returned.status, returned.text).toBe(200);
      return { path: `/api/instances/${app.instanceId}/resubmission`, json: { comment: '已补正' } };
    },
  },

  // the inbox and the actions on one task (of department market)
  'GET /api/tasks': { cells: [401, A, 403, A, A, A, A, A], request: (f) => ({ path: `/api/tasks?q=${enc(f.shared.businessKey)}` }) },
  'GET /api/tasks/{id}': { cells: [401, A, 403, 404, A, A, 404, 404], request: (f) => ({ path: `/api/tasks/${enc(taskOf(f.shared, 'market').id)}` }) },
  'POST /api/tasks/{id}/claim': { cells: [401, 403, 403, 404, 403, A, 404, 404], request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await task(f, cell))}/claim` }) },
  'POST /api/tasks/{id}/unclaim': {
    cells: [401, 403, 403, 404, 403, A, 404, 404],
    request: async (f, column, cell) => {
      const id = await task(f, cell);
      if (cell === A) expect((await f.client(column).post(`/api/tasks/${enc(id)}/claim`)).status).toBe(200);
      return { path: `/api/tasks/${enc(id)}/unclaim` };
    },
  },
  'POST /api/tasks/{id}/complete': { cells: [401, 403, 403, 404, 403, A, 404, 404], request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await task(f, cell))}/complete`, json: { comment: '同意' } }) },
  'POST /api/tasks/{id}/return-for-correction': {
    cells: [401, 403, 403, 404, 403, A, 404, 404],
    request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await task(f, cell))}/return-for-correction`, json: { reasons: [{ field: 'companyName', message: '名称有误' }] } }),
  },
  'POST /api/tasks/{id}/reject': { cells: [401, 403, 403, 404, 403, A, 404, 404], request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await task(f, cell))}/reject`, json: { reason: '材料不全' } }) },
  'POST /api/tasks/{id}/prefill': { cells: [401, 403, 403, 404, 403, A, 404, 404], request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await task(f, cell))}/prefill`, json: {} }) },
  'POST /api/tasks/{id}/comments': { cells: [401, 403, 403, 404, 403, A, 404, 404], request: async (f, _c, cell) => ({ path: `/api/tasks/${enc(await task(f, cell))}/comments`, json: { text: '请补充材料' } }) },

  // time-limit reports: the roles that oversee clerks' work
  'GET /api/reports/processes': { cells: [401, A, 403, 403, A, 403, 403, 403], request: () => ({ path: '/api/reports/processes' }) },
  'GET /api/reports/processes/{processId}': { cells: [401, A, 403, 403, A, 403, 403, 403], request: () => ({ path: '/api/reports/processes/open_company' }) },
  'GET /api/reports/processes/{processId}/export.csv': { cells: [401, A, 403, 403, A, 403, 403, 403], request: () => ({ path: '/api/reports/processes/open_company/export.csv?rows=departments' }) },
};

interface OpenApiOperation { readonly description?: string; readonly responses?: Record<string, unknown> }
type OpenApiDocument = { readonly paths: Record<string, Record<string, OpenApiOperation>> };

let server: TestServer;
let documented: Map<string, OpenApiOperation>;
let fixtures: Fixtures;
let watch: DatabaseWatch;
const clients = new Map<Column, ApiClient>();
/** The shared application as a manager saw it before any cell ran. */
let before: { revision: number; status: string; tasks: { id: string; status: string; assignee?: string }[]; comments: unknown[]; pauses: unknown[] };

beforeAll(async () => {
  server = await startTestServer();
  watch = new DatabaseWatch(server);
  clients.set('anonymous', server.anonymous());
  for (const column of COLUMNS) if (column !== 'anonymous') clients.set(column, await server.signIn(column));
  const doc = await server.anonymous().get<OpenApiDocument>('/api/openapi.json');
  expect(doc.status).toBe(200);
  documented = new Map();
  for (const [path, operations] of Object.entries(doc.body.paths)) {
    for (const [method, operation] of Object.entries(operations)) documented.set(`${method.toUpperCase()} ${path}`, operation);
  }
  const client = (column: Column): ApiClient => clients.get(column)!;
  const shared = await startApplication(client('frontdesk'), client('manager'), { businessKey: uniqueKey('AUTHZ-SHARED') });
  const throwaway = await client('admin').post<{ id: string }>('/api/users', {
    username: uniqueKey('acc-throwaway').toLowerCase(), displayName: '验收临时账号', password: 'acceptance-password', roles: ['clerk'], departments: ['bank'],
  });
  expect(throwaway.status, throwaway.text).toBe(201);
  fixtures = {
    server, shared, client, throwawayUserId: throwaway.body.id,
    fresh: () => startApplication(client('frontdesk'), client('manager'), { businessKey: uniqueKey('AUTHZ-FRESH') }),
    freshClient: async (column) => (column === 'anonymous' ? server.anonymous() : server.signIn(column)),
  };
  before = (await client('manager').get<typeof before>(`/api/instances/${shared.instanceId}`)).body;
}, 30_000);

afterAll(async () => {
  watch?.close();
  await server?.dispose();
});

describe('the route table', () => {
  it('places every route of the OpenAPI document in the EXPECTED matrix', () => {
    const unplaced = [...documented.keys()].filter((route) => !(route in EXPECTED));
    expect(unplaced, 'routes the server serves that the authorization matrix does not place; add a row to EXPECTED').toEqual([]);
  });

  it('lists no route the server does not serve', () => {
    const stale = Object.keys(EXPECTED).filter((route) => !documented.has(route));
    expect(stale).toEqual([]);
  });

  it('agrees with the roles each route documents', () => {
    const disagreements: string[] = [];
    for (const [route, operation] of documented) {
      const row = EXPECTED[route];
      if (!row) continue;
      const description = operation.description ?? '';
      const roles = /Roles: ([a-z, ]+)\.\s*$/.exec(description)?.[1]?.split(', ');
      const isPublic = /Public\.\s*$/.test(description);
      COLUMNS.forEach((column, i) => {
        const cell = row.cells[i]!;
        if (column === 'anonymous') {
          if ((cell === 401) === isPublic) disagreements.push(`${route} anonymous: ${cell}, documented ${isPublic ? 'public' : 'signed in'}`);
          return;
        }
        const mayUse = roles === undefined || roles.includes(ROLE_OF[column]);
        if ((cell === 403) === mayUse) disagreements.push(`${route} ${column}: ${cell}, documented roles ${roles?.join(', ') ?? 'any'}`);
      });
    }
    expect(disagreements).toEqual([]);
  });
});

const CELL_NAME: Record<Column, string> = {
  anonymous: 'anonymous', admin: 'admin', designer: 'designer', frontdesk: 'frontdesk', manager: 'manager',
  'clerk-market': 'clerk-market (own department)', 'clerk-tax': 'clerk-tax (foreign department, same application)', 'clerk-bank': 'clerk-bank (foreign application)',
};

for (const [route, row] of Object.entries(EXPECTED)) describe(route, () => {
  const [method] = route.split(' ') as [string];
  COLUMNS.forEach((column, i) => {
    const cell = row.cells[i]!;
    it(`as ${CELL_NAME[column]} → ${cell}`, async () => {
      expect(documented.has(route), `${route} is in the matrix but not in the API document`).toBe(true);
      const request = await row.request(fixtures, column, cell);
      const client = request.client ?? fixtures.client(column);
      const snapshot = watch.snapshot();
      const answer: ApiResponse = await client.request(method, request.path, {
        ...(request.json !== undefined ? { json: request.json } : {}),
        ...(request.raw !== undefined ? { raw: request.raw, contentType: request.contentType ?? 'application/xml' } : {}),
      });
      const label = `${route} as ${column}`;
      expect(answer.status, `${label}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);

      if (cell === A) {
        const ok = (answer.status >= 200 && answer.status < 300) || (row.allowAlso ?? []).includes(answer.status);
        expect(ok, `${label} should be allowed, got ${answer.status} ${answer.text.slice(0, 300)}`).toBe(true);
        if (answer.status >= 400) {
          expectProblem(answer, label);
          expect(Object.keys(documented.get(route)?.responses ?? {}), `${label}: ${answer.status} is not documented`).toContain(String(answer.status));
        }
        return;
      }

      expect(answer.status, `${label}: ${answer.text.slice(0, 300)}`).toBe(cell);
      const problem = expectProblem(answer, label);
      expect(problem.code, label).toBe(cell === 401 ? 'session/required' : cell === 403 ? 'access/forbidden' : 'not-found');
      if (cell === 404) {
        // The refusal says nothing about the object it refuses, beyond the id the caller sent.
        const id = taskOf(fixtures.shared, 'market').id;
        const text = answer.text.replaceAll(enc(id), '').replaceAll(id, '');
        for (const secret of [fixtures.shared.businessKey, 'market', taskOf(fixtures.shared, 'market').name ?? '市场主体设立登记', '验收测试有限公司', '"department"']) {
          expect(text, `${label} leaks ${secret}`).not.toContain(secret);
        }
      }
      // A refusal writes nothing, not even an audit record.
      const after = watch.snapshot();
      expect(after.counts, label).toEqual(snapshot.counts);
      expect(after.fingerprint, label).toBe(snapshot.fingerprint);
      expect(watch.auditActionsAfter(snapshot.auditSeq), label).toEqual([]);
    });
  });
});

describe('the shared application after every refused cell', () => {
  it('is as it was: the market task open and unclaimed, no comment, no pause, the same revision', async () => {
    const now = (await fixtures.client('manager').get<typeof before>(`/api/instances/${fixtures.shared.instanceId}`)).body;
    expect(now.revision).toBe(before.revision);
    expect(now.status).toBe('active');
    expect(now.comments).toEqual(before.comments);
    expect(now.pauses).toEqual([]);
    const market = now.tasks.find((t) => t.id === taskOf(fixtures.shared, 'market').id);
    expect(market).toMatchObject({ status: 'open' });
    expect(market?.assignee).toBeUndefined();
  });
});

interface Page<T> { items: T[]; total: number }
interface TaskItem { id: string; department?: string; instanceId: string; name?: string }

describe('lists and reads in department scope', () => {
  // Three applications under one search prefix: two forked to the departments, one still at the front desk.
  let prefix: string;
  let forked: Application[];
  let atFrontDesk: Application;
  beforeAll(async () => {
    prefix = uniqueKey('SCOPE');
    const c = fixtures.client.bind(fixtures);
    forked = [
      await startApplication(c('frontdesk'), c('manager'), { businessKey: `${prefix}-A` }),
      await startApplication(c('frontdesk'), c('manager'), { businessKey: `${prefix}-B` }),
    ];
    atFrontDesk = await startApplication(c('frontdesk'), c('manager'), { businessKey: `${prefix}-C`, fork: false });
  }, 30_000);

  async function instances(column: Column, query: string): Promise<Page<{ id: string; businessKey?: string }>> {
    const page = await fixtures.client(column).get<Page<{ id: string; businessKey?: string }>>(`/api/instances?limit=100&${query}`);
    expect(page.status, page.text).toBe(200);
    expect(page.body.items.length).toBe(Math.min(page.body.total, 100));
    return page.body;
  }

  async function tasks(column: Column, query: string): Promise<Page<TaskItem>> {
    const page = await fixtures.client(column).get<Page<TaskItem>>(`/api/tasks?limit=100&${query}`);
    expect(page.status, page.text).toBe(200);
    expect(page.body.items.length).toBe(Math.min(page.body.total, 100));
    return page.body;
  }

  it('GET /api/instances?q= lists and counts only the applications in scope', async () => {
    const q = `q=${enc(prefix)}`;
    for (const column of ['admin', 'manager', 'frontdesk'] as const) expect((await instances(column, q)).total, column).toBe(3);
    // Clerks see the two forked applications (their department has a task there), not the one still at the front desk.
    for (const column of ['clerk-market', 'clerk-tax'] as const) {
      const page = await instances(column, q);
      expect(page.total, column).toBe(2);
      expect(page.items.map((i) => i.id).sort(), column).toEqual(forked.map((a) => a.instanceId).sort());
    }
    expect(await instances('clerk-bank', q)).toMatchObject({ total: 0, items: [] });
    // A search by the exact id of a foreign application finds nothing either.
    expect((await instances('clerk-bank', `q=${enc(forked[0]!.instanceId)}`)).total).toBe(0);
    expect((await instances('clerk-market', `q=${enc(atFrontDesk.instanceId)}`)).total).toBe(0);
    // Filters do not widen the scope.
    expect((await instances('clerk-bank', `${q}&status=active&processId=open_company`)).total).toBe(0);
  });

  it('GET /api/tasks lists and counts only the tasks of the reader\'s departments', async () => {
    const q = `q=${enc(prefix)}`;
    for (const column of ['clerk-market', 'clerk-tax'] as const) {
      const department = column.slice('clerk-'.length);
      const page = await tasks(column, q);
      expect(page.total, column).toBe(2);
      expect(page.items.every((t) => t.department === department), column).toBe(true);
    }
    expect(await tasks('clerk-bank', q)).toMatchObject({ total: 0, items: [] });
    // Asking for another department, application or task name by filter finds nothing foreign.
    expect((await tasks('clerk-tax', `${q}&department=market`)).total).toBe(0);
    expect((await tasks('clerk-tax', `instanceId=${enc(forked[0]!.instanceId)}`)).items.map((t) => t.department)).toEqual(['tax']);
    expect((await tasks('clerk-tax', `q=${enc('市场主体设立登记')}`)).total).toBe(0);
    for (const view of ['pool', 'mine', 'all']) expect((await tasks('clerk-bank', `${q}&view=${view}`)).total, view).toBe(0);
    for (const status of ['open', 'completed', 'cancelled']) {
      const page = await tasks('clerk-tax', `${q}&status=${status}`);
      expect(page.items.every((t) => t.department === 'tax'), status).toBe(true);
    }
    // The front desk's inbox holds the front desk's tasks: the open one of the application still at the window.
    const desk = await tasks('frontdesk', q);
    expect(desk.total).toBe(1);
    expect(desk.items[0]).toMatchObject({ department: 'front-desk', instanceId: atFrontDesk.instanceId });
    // Managers and administrators see every open task: six per forked application, one at the window.
    expect((await tasks('manager', q)).total).toBe(13);
    expect((await tasks('admin', q)).total).toBe(13);
  });

  it('answers a foreign task or application exactly as one that does not exist', async () => {
    const market = taskOf(forked[0]!, 'market');
    const missingTask = `${forked[0]!.instanceId}/Task_market/999`;
    const strip = (body: unknown, id: string) => JSON.parse(JSON.stringify(body).replaceAll(enc(id), 'ID').replaceAll(id, 'ID')) as unknown;
    for (const column of ['clerk-tax', 'clerk-bank', 'frontdesk'] as const) {
      for (const suffix of ['', '/claim', '/complete', '/comments']) {
        const method = suffix === '' ? 'GET' : 'POST';
        const json = suffix === '/comments' ? { text: '意见' } : suffix === '/complete' ? {} : undefined;
        const options = json !== undefined ? { json } : {};
        const foreign = await fixtures.client(column).request(method, `/api/tasks/${enc(market.id)}${suffix}`, options);
        const missing = await fixtures.client(column).request(method, `/api/tasks/${enc(missingTask)}${suffix}`, options);
        expect(foreign.status, `${column} ${suffix}`).toBe(404);
        expect(strip(foreign.body, market.id), `${column} ${suffix}`).toEqual(strip(missing.body, missingTask));
      }
    }
    const foreignApp = await fixtures.client('clerk-bank').get(`/api/instances/${forked[0]!.instanceId}`);
    const missingApp = await fixtures.client('clerk-bank').get(`/api/instances/${forked[0]!.instanceId}x`);
    expect(foreignApp.status).toBe(404);
    expect(strip(foreignApp.body, forked[0]!.instanceId)).toEqual(strip(missingApp.body, `${forked[0]!.instanceId}x`));
    expect((await fixtures.client('clerk-market').get(`/api/instances/${atFrontDesk.instanceId}`)).status).toBe(404);
  });

  it('shows a clerk only the own department\'s tasks inside an application it may read', async () => {
    const detail = await fixtures.client('clerk-market').get<{ tasks: TaskItem[] }>(`/api/instances/${forked[1]!.instanceId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.tasks.map((t) => t.department)).toEqual(['market']);
  });

  it('does not show a clerk the opinions written on another department\'s task', async () => {
    const app = forked[1]!;
    const secret = `税务内部意见-${prefix}`;
    const added = await fixtures.client('clerk-tax').post(`/api/tasks/${enc(taskOf(app, 'tax').id)}/comments`, { text: secret });
    expect(added.status, added.text).toBe(201);
    // The tax clerk, the front desk and the manager may read it; the market clerk handles only the market task.
    expect((await fixtures.client('clerk-tax').get(`/api/instances/${app.instanceId}`)).text).toContain(secret);
    const market = await fixtures.client('clerk-market').get<{ comments: { taskId?: string; text: string }[] }>(`/api/instances/${app.instanceId}`);
    expect(market.status).toBe(200);
    expect(market.body.comments.filter((c) => c.taskId !== undefined && c.taskId !== taskOf(app, 'market').id), 'comments on foreign tasks').toEqual([]);
  });
});
