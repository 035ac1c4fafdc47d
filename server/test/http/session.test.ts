import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

describe('sessions', () => {
  it('signs in with the demo password, answers who is signed in, and signs out', async () => {
    const client = await server.signIn('admin');
    const me = await client.get<{ user: { username: string; roles: string[] } }>('/api/session');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'admin', roles: ['admin'] });
    expect((await client.delete('/api/session')).status).toBe(204);
    expect((await client.get('/api/session')).status).toBe(401);
  });

  it('refuses a wrong password with 401 problem+json that does not say whether the user exists', async () => {
    const wrong = await server.anonymous().post('/api/session', { username: 'admin', password: 'nope' });
    const unknown = await server.anonymous().post('/api/session', { username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('rotates the token at sign-in: the old cookie stops working', async () => {
    const client = await server.signIn('designer');
    const before = await client.get('/api/session');
    expect(before.status).toBe(200);
    const old = server.anonymous();
    // Copy the session, then sign in again on the first client.
    Object.assign(old, { cookie: (client as unknown as { cookie: string }).cookie });
    await client.signIn('designer', 'tongban');
    expect((await old.get('/api/session')).status).toBe(401);
    expect((await client.get('/api/session')).status).toBe(200);
  });

  it('refuses a state-changing request without the CSRF header, or from a foreign origin', async () => {
    const client = await server.signIn('admin');
    const noHeader = await client.request('PUT', '/api/departments/x-test', { json: { name: '测试' }, headers: { 'x-csrf-token': '' } });
    expect(noHeader.status).toBe(403);
    expect((noHeader.body as { code: string }).code).toBe('csrf/rejected');
    const foreign = await client.request('PUT', '/api/departments/x-test', { json: { name: '测试' }, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const ok = await client.put('/api/departments/x-test', { name: '测试' });
    expect(ok.status).toBe(200);
  });

  it('serves the OpenAPI document and its page', async () => {
    const doc = await server.anonymous().get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toContain('/api/session');
    const page = await server.anonymous().get('/api/docs');
    expect(page.text).toContain('swagger-ui-bundle.js');
    expect((await server.anonymous().get('/api/docs/swagger-ui-bundle.js')).status).toBe(200);
  });
});
