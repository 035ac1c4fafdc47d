import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/harness.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tongban-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a restart', () => {
  it('keeps every application and deploys and seeds nothing twice', async () => {
    const first = await startTestServer({ dataDir });
    const frontdesk = await first.signIn('frontdesk');
    const started = await frontdesk.post<{ id: string }>('/api/instances', { processId: 'open_company', businessKey: 'R-1' });
    expect(started.status).toBe(201);
    const admin = await first.signIn('admin');
    const usersBefore = (await admin.get<{ total: number }>('/api/users')).body.total;
    await first.close();

    const second = await startTestServer({ dataDir });
    try {
      const frontdesk2 = await second.signIn('frontdesk');
      const instance = await frontdesk2.get<{ id: string; businessKey: string; status: string }>(`/api/instances/${started.body.id}`);
      expect(instance.body).toMatchObject({ id: started.body.id, businessKey: 'R-1', status: 'active' });
      const versions = await frontdesk2.get<{ items: { version: number }[] }>('/api/definitions/open_company/versions');
      expect(versions.body.items.map((v) => v.version)).toEqual([1]);
      const admin2 = await second.signIn('admin');
      expect((await admin2.get<{ total: number }>('/api/users')).body.total).toBe(usersBefore);
    } finally {
      await second.close();
    }
  });

  it('finishes a request in flight before it closes the store', async () => {
    const server = await startTestServer();
    const frontdesk = await server.signIn('frontdesk');
    const body = JSON.stringify({ processId: 'open_company' });
    const answer = new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${server.url}/api/instances`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length), cookie: frontdesk.cookieHeader(), 'x-csrf-token': frontdesk.csrfToken ?? '' },
      }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
      // Half the body now: the server is reading this request when it is told to stop.
      request.write(body.slice(0, 10));
      setTimeout(() => {
        const closing = server.dispose();
        request.end(body.slice(10));
        closing.catch(reject);
      }, 200);
    });
    expect(await answer).toBe(201);
  });
});
