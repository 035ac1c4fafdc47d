import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { ApiClient, ApiResponse, TestServer } from './harness.js';

/** What every error answer of the API carries (RFC 9457 and the API's own `code`). */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly instance: string;
  readonly errors?: readonly { readonly in: string; readonly path: string; readonly pointer: string; readonly code: string; readonly message: string; readonly elementId?: string }[];
}

/** Asserts an answer is `application/problem+json` with every member the API promises, and its status agrees with the HTTP status. */
export function expectProblem(response: { status: number; headers: Headers; text: string }, label = ''): ProblemBody {
  const where = `${label} ${response.status} ${response.text.slice(0, 300)}`;
  expect(response.headers.get('content-type') ?? '', where).toContain('application/problem+json');
  const body = JSON.parse(response.text) as ProblemBody;
  expect(typeof body.type, where).toBe('string');
  expect(body.type, where).toMatch(/^urn:tongban:problem:/);
  expect(typeof body.title, where).toBe('string');
  expect(body.title.length, where).toBeGreaterThan(0);
  expect(body.status, where).toBe(response.status);
  expect(typeof body.code, where).toBe('string');
  expect(typeof body.instance, where).toBe('string');
  return body;
}

/** A task id in a path: it contains `/`, so it is percent-encoded. */
export const enc = encodeURIComponent;

// ---------------------------------------------------------------------------
// The demo "one thing" (open_company): the front desk accepts, then six
// departments work in parallel.

export interface TaskSummary { readonly id: string; readonly department?: string; readonly status: string; readonly name?: string; readonly elementId: string }

export interface Application {
  readonly instanceId: string;
  readonly businessKey: string;
  /** The front desk's acceptance task (completed once the application is forked). */
  readonly acceptTaskId: string;
  /** The open task of each department after the fork, by department. */
  readonly tasks: Readonly<Record<string, TaskSummary>>;
}

let serial = 0;

/** A business key no other test uses, so a search for it finds only this application. */
export function uniqueKey(prefix: string): string {
  serial += 1;
  return `${prefix}-${process.pid}-${serial}-${Math.floor(performance.now())}`;
}

/**
 * Starts an application of the demo process at the front desk; with `fork`
 * (the default), the front desk completes its acceptance so that the six
 * department tasks are open. `reader` reads every task (a manager).
 */
export async function startApplication(frontdesk: ApiClient, reader: ApiClient, options: { businessKey?: string; fork?: boolean } = {}): Promise<Application> {
  const businessKey = options.businessKey ?? uniqueKey('ACC');
  const started = await frontdesk.post<{ id: string; tasks: TaskSummary[] }>('/api/instances', {
    processId: 'open_company', businessKey,
    // A submission the start form (processes/enterprise-startup/forms/open-company-apply.json) accepts.
    variables: {
      applicant: { citizenId: '11010519491231002X', name: '王五', mobile: '13812345678' },
      company: { name: '验收测试有限公司', kind: 'llc', capital: 100, domicile: { region: '110105', detail: '朝阳路 1 号' }, businessScope: '软件开发', staffCount: 3 },
      shareholders: [{ name: '王五', citizenId: '11010519491231002X', share: 100 }],
      documents: { articles: { id: 'upload-1', name: '章程.pdf', size: 52_000 } },
      commitment: true,
    },
  });
  if (started.status !== 201) throw new Error(`Starting an application failed: ${started.status} ${started.text}`);
  const instanceId = started.body.id;
  const accept = started.body.tasks.find((t) => t.department === 'front-desk' && t.status === 'open');
  if (!accept) throw new Error(`No open front-desk task in ${started.text}`);
  if (options.fork !== false) {
    const done = await frontdesk.post(`/api/tasks/${enc(accept.id)}/complete`, {});
    if (done.status !== 200) throw new Error(`Accepting the application failed: ${done.status} ${done.text}`);
  }
  const detail = await reader.get<{ tasks: TaskSummary[] }>(`/api/instances/${instanceId}`);
  if (detail.status !== 200) throw new Error(`Reading the application failed: ${detail.status} ${detail.text}`);
  const tasks: Record<string, TaskSummary> = {};
  for (const t of detail.body.tasks) if (t.status === 'open' && t.department !== undefined) tasks[t.department] = t;
  return { instanceId, businessKey, acceptTaskId: accept.id, tasks };
}

export function taskOf(app: Application, department: string): TaskSummary {
  const task = app.tasks[department];
  if (!task) throw new Error(`The application ${app.instanceId} has no open task of ${department}`);
  return task;
}

// ---------------------------------------------------------------------------
// The database, read as a bystander: a read-only connection to the server's file.

/** The tables a refused request must leave as they were. */
export const GUARDED_TABLES = ['instances', 'tasks', 'history', 'timers', 'jobs', 'definitions', 'users', 'departments', 'comments', 'task_claims', 'calendar_overrides', 'incidents'] as const;

export interface Snapshot {
  readonly counts: Readonly<Record<string, number>>;
  /** The highest audit sequence number. */
  readonly auditSeq: number;
  /** A fingerprint of the rows that can change in place (users, departments, instances, tasks). */
  readonly fingerprint: string;
}

export class DatabaseWatch {
  private readonly db: Database.Database;

  constructor(server: TestServer) {
    this.db = new Database(join(server.dataDir, 'tongban.db'), { readonly: true, fileMustExist: true });
  }

  snapshot(): Snapshot {
    const counts: Record<string, number> = {};
    for (const table of GUARDED_TABLES) counts[table] = this.count(table);
    const auditSeq = (this.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit').get() as { n: number }).n;
    const fingerprint = [
      this.db.prepare('SELECT group_concat(id || \':\' || updated_at || \':\' || disabled || \':\' || roles || \':\' || departments, \'|\') AS f FROM (SELECT * FROM users ORDER BY id)').get(),
      this.db.prepare('SELECT group_concat(id || \':\' || name, \'|\') AS f FROM (SELECT * FROM departments ORDER BY id)').get(),
      this.db.prepare('SELECT group_concat(id || \':\' || revision, \'|\') AS f FROM (SELECT * FROM instances ORDER BY id)').get(),
      this.db.prepare('SELECT group_concat(id || \':\' || status, \'|\') AS f FROM (SELECT * FROM tasks ORDER BY id)').get(),
    ].map((r) => String((r as { f: string | null }).f)).join('\n');
    return { counts, auditSeq, fingerprint };
  }

  /** The audit actions recorded after `seq`. */
  auditActionsAfter(seq: number): string[] {
    return (this.db.prepare('SELECT action FROM audit WHERE seq > ? ORDER BY seq').all(seq) as { action: string }[]).map((r) => r.action);
  }

  close(): void {
    this.db.close();
  }

  private count(table: string): number {
    const exists = this.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { n: number };
    if (exists.n === 0) return -1;
    return (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
}

// ---------------------------------------------------------------------------
// Raw HTTP for what the harness client does not send: huge or streamed
// bodies, a declared length larger than what is sent, chunked bodies.

export interface Session { readonly cookie: string; readonly csrfToken: string }

/** Signs in over raw HTTP and returns the cookie and the CSRF token. */
export async function rawSignIn(baseUrl: string, username: string, password = 'tongban'): Promise<Session> {
  const body = Buffer.from(JSON.stringify({ username, password }));
  const answer = await rawRequest(baseUrl, 'POST', '/api/session', { 'content-type': 'application/json', 'content-length': String(body.length) }, body);
  if (answer.status !== 200) throw new Error(`Sign-in of ${username} failed: ${answer.status} ${answer.text}`);
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrfToken: (JSON.parse(answer.text) as { csrfToken: string }).csrfToken };
}

/**
 * Sends `body` (a buffer, or a stream that is piped with back-pressure) and
 * resolves with the answer as soon as it is complete, then drops the
 * connection: a server that refuses a body early may close the socket while
 * the rest is still on its way, which is not an error here.
 */
export function rawRequest(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: Buffer | Readable): Promise<ApiResponse & { bytesSent: number }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let bytesSent = 0;
    const request = httpRequest(baseUrl + path, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        answered = true;
        const h = new Headers();
        for (const [key, value] of Object.entries(response.headers)) {
          if (value === undefined) continue;
          for (const v of Array.isArray(value) ? value : [value]) h.append(key, v);
        }
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        if ((h.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
        resolve({ status: response.statusCode ?? 0, headers: h, text, body: parsed, bytesSent });
        if (body instanceof Readable) body.destroy();
        request.destroy();
      });
      response.on('error', (error) => {
        if (!answered) reject(error);
      });
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (body instanceof Readable) {
      body.on('data', (chunk: Buffer) => {
        bytesSent += chunk.length;
      });
      body.on('error', () => undefined);
      body.pipe(request);
    } else {
      if (body) bytesSent = body.length;
      request.end(body);
    }
  });
}

/**
 * `total` bytes of `fill`, produced lazily in 64 KiB chunks: a 50 MiB body
 * without 50 MiB in memory. With `stallAfter`, the stream stops producing
 * after that many bytes (and stays open): a server that waits for the rest
 * of a body it should have refused by its declared length never answers,
 * and the test times out instead of passing.
 */
export function lazyBody(total: number, options: { fill?: string; stallAfter?: number } = {}): Readable {
  const chunk = Buffer.alloc(64 * 1024, options.fill ?? 'a');
  let left = Math.min(total, options.stallAfter ?? total);
  const stalls = left < total;
  return new Readable({
    read() {
      if (left <= 0) {
        if (!stalls) this.push(null);
        return;
      }
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

// ---------------------------------------------------------------------------
// BPMN documents for uploads.

const BPMN_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
  + '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tb="urn:tongban:schema:bpmn:1.0" id="Definitions_acceptance" targetNamespace="urn:tongban:acceptance">';

/** A document with one process around `inner`. */
export function bpmnDocument(processId: string, inner: string, options: { executable?: boolean; padding?: string } = {}): string {
  return `${BPMN_HEAD}${options.padding ?? ''}<bpmn:process id="${processId}" name="验收流程" isExecutable="${options.executable === false ? 'false' : 'true'}">${inner}</bpmn:process></bpmn:definitions>`;
}

/** start → one user task of `department` → end: deploys (with warnings only). */
export function validBpmn(processId: string, options: { department?: string; padding?: string; taskAttributes?: string } = {}): string {
  const task = `<bpmn:userTask id="Task_review" name="审核" tb:department="${options.department ?? 'market'}" ${options.taskAttributes ?? 'tb:timeLimit="1wd"'}>`
    + '<bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>';
  return bpmnDocument(processId, '<bpmn:startEvent id="Start" name="开始"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>'
    + task
    + '<bpmn:endEvent id="End" name="结束"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>'
    + '<bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_review"/><bpmn:sequenceFlow id="Flow_2" sourceRef="Task_review" targetRef="End"/>', options.padding !== undefined ? { padding: options.padding } : {});
}
