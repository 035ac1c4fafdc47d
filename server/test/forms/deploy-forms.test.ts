/**
 * Deploying at start: a package's forms are checked with the process and
 * kept with its version; a malformed form refuses the package, naming the
 * file and the problem's path; a changed form alone makes a new version.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig, startServer, type RunningServer } from '../../src/index.js';
import { enc } from '../support/acceptance.js';
import { ApiClient, REPO_ROOT } from '../support/harness.js';
import { validApplication } from './support.js';

const temp = mkdtempSync(join(tmpdir(), 'tongban-forms-deploy-'));
const processesDir = join(temp, 'processes');
const apply = join(processesDir, 'enterprise-startup', 'forms', 'open-company-apply.json');
const marketForm = join(processesDir, 'enterprise-startup', 'forms', 'market-registration.json');
const bpmn = join(processesDir, 'enterprise-startup', 'process.bpmn');
cpSync(join(REPO_ROOT, 'processes', 'enterprise-startup'), join(processesDir, 'enterprise-startup'), { recursive: true });
// The demo diagram names no department form yet; here the market task names its form, so its checks show which version's form applies.
writeFileSync(bpmn, readFileSync(bpmn, 'utf8').replace('<bpmn:userTask id="Task_market" ', '<bpmn:userTask id="Task_market" tb:form="market-registration" '));
let running: RunningServer | undefined;

afterAll(async () => {
  await running?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** Starts a server over `dataDir` deploying `processesDir`, and returns it with the lines it logged. */
async function start(dataDir: string): Promise<{ server: RunningServer; lines: Record<string, unknown>[] }> {
  await running?.close();
  running = undefined;
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write(chunk: Buffer, _encoding, done) { for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>); done(); } });
  const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TONGBAN_PROCESSES_DIR: processesDir, TONGBAN_SCHEDULER: 'false', TONGBAN_DEMO_EXCHANGE: 'false' };
  running = await startServer({ config: readConfig(env, REPO_ROOT), env, logger: pino({ level: 'info' }, sink) });
  return { server: running, lines };
}

async function versions(server: RunningServer): Promise<number[]> {
  const client = new ApiClient(server.url);
  await client.signIn('designer', 'tongban');
  const answer = await client.get<{ version: number }[] | { items: { version: number }[] }>('/api/definitions/open_company/versions');
  if (answer.status === 404) return [];
  expect(answer.status, answer.text).toBe(200);
  const list = Array.isArray(answer.body) ? answer.body : answer.body.items;
  return list.map((v) => v.version).sort((a, b) => a - b);
}

describe('deploying forms with their process', () => {
  it('refuses a package with a malformed form, logging the file and the problem path', async () => {
    const original = readFileSync(apply, 'utf8');
    const broken = JSON.parse(original) as { components: { components?: { validate?: Record<string, unknown> }[] }[] };
    broken.components[0]!.components![1]!.validate!.maxLength = -5;
    writeFileSync(apply, JSON.stringify(broken));
    try {
      const { server, lines } = await start(join(temp, 'data-refused'));
      const refused = lines.filter((l) => l.msg === 'process refused');
      expect(refused).toHaveLength(1);
      expect(refused[0]?.file).toBe(apply);
      const problems = refused[0]?.problems as string[];
      expect(problems.some((p) => p.includes('components[0].components[1].validate.maxLength'))).toBe(true);
      expect(await versions(server)).toEqual([]);
    } finally {
      writeFileSync(apply, original);
    }
  });

  it('refuses a form file that is not JSON', async () => {
    const file = join(processesDir, 'enterprise-startup', 'forms', 'broken.json');
    writeFileSync(file, '{"type": "default",');
    try {
      const { server, lines } = await start(join(temp, 'data-not-json'));
      const refused = lines.filter((l) => l.msg === 'process refused');
      expect(refused.map((l) => l.file)).toEqual([file]);
      expect(await versions(server)).toEqual([]);
    } finally {
      rmSync(file);
    }
  });

  it('deploys a new version when only a form changed, and each version checks with its own forms', async () => {
    expect(readFileSync(bpmn, 'utf8')).toContain('tb:form="market-registration"');
    const dataDir = join(temp, 'data-versions');
    const first = await start(dataDir);
    expect(await versions(first.server)).toEqual([1]);
    const again = await start(dataDir);
    expect(await versions(again.server)).toEqual([1]);
    const onOne = await openMarketTask(again.server);

    // Version 2's market form has no comment field: a comment is refused there, while version 1 drops it (hidden once approved).
    const original = readFileSync(marketForm, 'utf8');
    const changed = JSON.parse(original) as { components: { key?: string }[] };
    changed.components = changed.components.filter((c) => c.key !== 'market.comment');
    writeFileSync(marketForm, JSON.stringify(changed, null, 2));
    try {
      const { server } = await start(dataDir);
      expect(await versions(server)).toEqual([1, 2]);
      const onTwo = await openMarketTask(server);
      const market = new ApiClient(server.url);
      await market.signIn('clerk-market', 'tongban');
      const decision = { company: { creditCode: '91110108123456788E', establishedOn: '2026-11-24' }, market: { decision: 'approve', comment: '材料齐全' } };
      const refused = await market.post<{ errors: { path: string; code: string }[] }>(`/api/tasks/${enc(onTwo)}/complete`, { variables: decision });
      expect(refused.status, refused.text).toBe(400);
      expect(refused.body.errors.map((e) => e.path)).toEqual(['variables.market.comment']);
      const accepted = await market.post(`/api/tasks/${enc(onOne)}/complete`, { variables: decision });
      expect(accepted.status, accepted.text).toBe(200);
    } finally {
      writeFileSync(marketForm, original);
    }
  });
});

/** Starts a valid application on the latest version, accepts it at the front desk, and returns its open market task. */
async function openMarketTask(server: RunningServer): Promise<string> {
  const frontdesk = new ApiClient(server.url);
  await frontdesk.signIn('frontdesk', 'tongban');
  const started = await frontdesk.post<{ id: string; tasks: { id: string; elementId: string; status: string }[] }>('/api/instances', { processId: 'open_company', variables: validApplication() });
  expect(started.status, started.text).toBe(201);
  const accept = started.body.tasks.find((t) => t.elementId === 'Task_accept')!;
  expect((await frontdesk.post(`/api/tasks/${enc(accept.id)}/complete`, {})).status).toBe(200);
  const detail = await frontdesk.get<{ tasks: { id: string; elementId: string; status: string }[] }>(`/api/instances/${started.body.id}`);
  const manager = new ApiClient(server.url);
  await manager.signIn('manager', 'tongban');
  const tasks = await manager.get<{ items: { id: string; elementId: string; status: string }[] }>(`/api/tasks?instanceId=${started.body.id}`);
  const task = tasks.body.items.find((t) => t.elementId === 'Task_market' && t.status === 'open');
  expect(task, JSON.stringify(detail.body.tasks)).toBeDefined();
  return task!.id;
}
