import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig, startServer, type RunningServer } from '../../src/index.js';
import { ApiClient, REPO_ROOT } from '../support/harness.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tongban-logging-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the log', () => {
  it('has one structured line per request and no personal data, passwords, tokens or form values', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(...chunk.toString().split('\n').filter(Boolean)); done(); } });
    const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TONGBAN_PROCESSES_DIR: join(REPO_ROOT, 'processes'), TONGBAN_SCHEDULER: 'false' };
    server = await startServer({ config: readConfig(env, REPO_ROOT), env, logger: pino({ level: 'debug' }, sink) });
    const client = new ApiClient(server.url);
    await client.signIn('frontdesk', 'tongban');
    const secretValues = ['11010519491231002X', '13812345678', '王小明', 'tongban', client.csrfToken!];
    const started = await client.post<{ id: string }>('/api/instances', {
      processId: 'open_company', businessKey: 'LOG-1', variables: { applicantIdNumber: secretValues[0], mobile: secretValues[1], applicantName: secretValues[2] },
    });
    expect(started.status).toBe(201);
    await client.get(`/api/instances?q=${encodeURIComponent(secretValues[0]!)}`);
    await client.post('/api/session', { username: 'frontdesk', password: 'wrong-password-13812345678' });
    // A failing request logs too.
    await client.post('/api/instances', { processId: 'open_company', variables: { bad: 1 }, extra: secretValues[0] });

    const text = lines.join('\n');
    for (const value of [...secretValues, 'wrong-password-13812345678']) expect(text, value).not.toContain(value);
    const requests = lines.map((l) => JSON.parse(l) as { msg: string; route?: string; status?: number }).filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(5);
    expect(requests.map((r) => r.route)).toContain('/api/instances');
    expect(requests.every((r) => typeof r.status === 'number')).toBe(true);
  });
});
