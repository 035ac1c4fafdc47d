import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type TestServer } from '../support/harness.js';
import { expectProblem } from '../support/acceptance.js';

let server: TestServer;
let frontdesk: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  frontdesk = await server.signIn('frontdesk');
});
afterAll(() => server.dispose());

describe('reserved keys in variables', () => {
  it('refuses a top-level __proto__ (which JSON.parse keeps as an own key) at its path, and stores nothing', async () => {
    const before = (await frontdesk.get<{ total: number }>('/api/instances')).body.total;

    // Written by hand: a JavaScript object literal would set the prototype instead of sending the key.
    const raw = '{"processId":"open_company","variables":{"__proto__":{"polluted":true},"note":"x"}}';
    const answer = await frontdesk.request('POST', '/api/instances', { raw, contentType: 'application/json' });

    expect(answer.status, answer.text).toBe(400);
    expect(expectProblem(answer).errors).toEqual([expect.objectContaining({ in: 'body', path: 'variables.__proto__' })]);
    expect((await frontdesk.get<{ total: number }>('/api/instances')).body.total).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
