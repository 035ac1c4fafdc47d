/**
 * The connector catalogue an administrator keeps: declarations checked
 * with every problem named by connector and field, an origin allow-list,
 * and secrets that are sealed at rest and never come back out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY } from '@tongban/connectors';
import { expectProblem, enc } from '../support/acceptance.js';
import type { ApiClient } from '../support/harness.js';
import { declarationOf, startWithExchange, WANG, type ExchangeServer } from './support.js';

let t: ExchangeServer;
let admin: ApiClient;
const SECRET = 'S3cret-value-that-must-never-leak-0xC0FFEE';

beforeAll(async () => {
  t = await startWithExchange();
  admin = await t.server.signIn('admin');
});
afterAll(() => t.dispose());

/** Every byte the server has written: the database, its WAL, the key files. */
function everythingOnDisk(): string {
  return readdirSync(t.server.dataDir).map((file) => readFileSync(join(t.server.dataDir, file)).toString('latin1')).join('\n');
}

describe('the demo catalogue', () => {
  it('is seeded against the demo exchange, with its origin allowed and its key stored as a secret', async () => {
    const list = await admin.get<{ items: { id: string; secrets: { name: string; set: boolean }[] }[] }>('/api/connectors');
    expect(list.body.items.map((c) => c.id)).toEqual(['e-licence', 'legal-entity', 'population', 'real-estate', 'social-insurance']);
    expect(list.body.items.every((c) => c.secrets.every((s) => s.set))).toBe(true);
    const origins = await admin.get<{ items: { origin: string; usedBy: string[] }[] }>('/api/connector-origins');
    expect(origins.body.items).toEqual([{ origin: t.exchange.url, usedBy: ['e-licence', 'legal-entity', 'population', 'real-estate', 'social-insurance'] }]);
  });

  it('shows designers purpose and fields, not endpoints or secrets', async () => {
    const designer = await t.server.signIn('designer');
    const one = await designer.get<Record<string, unknown>>('/api/connectors/population');
    expect(Object.keys(one.body).sort()).toEqual(['fields', 'id', 'name', 'nameEn', 'purpose']);
    expect(one.body.fields).toMatchObject({ citizenId: { type: 'citizenId', personal: true } });
  });
});

describe('secrets', () => {
  it('are write-only, sealed at rest, and used by the calls', async () => {
    expect((await admin.put('/api/connector-secrets/demo-exchange-api-key', { value: SECRET })).status).toBe(204);

    const listed = await admin.get('/api/connector-secrets');
    expect(listed.text).toContain('demo-exchange-api-key');
    expect(listed.text).not.toContain(SECRET);
    for (const path of ['/api/connectors', '/api/connectors/population', `/api/audit?limit=100`]) {
      expect((await admin.get(path)).text, path).not.toContain(SECRET);
    }
    expect(everythingOnDisk()).not.toContain(SECRET);

    // The exchange does not know this key: the test call fails as unauthorised, naming no secret.
    const wrongKey = await admin.post<{ ok: boolean; failure: { code: string; status: number } }>('/api/connectors/population/test', { input: { citizenId: WANG } });
    expect(wrongKey.body).toMatchObject({ ok: false, failure: { code: 'connector/http-client-error', status: 401 } });
    expect(wrongKey.text).not.toContain(SECRET);

    expect((await admin.put('/api/connector-secrets/demo-exchange-api-key', { value: DEFAULT_API_KEY })).status).toBe(204);
    const rightKey = await admin.post<{ ok: boolean; values: Record<string, unknown> }>('/api/connectors/population/test', { input: { citizenId: WANG } });
    expect(rightKey.body.ok).toBe(true);
    // The administrator checks the wiring, not the person.
    expect(rightKey.body.values).toMatchObject({ citizenId: '110105********1238', name: '王**', mobile: '138****8000', sex: '***' });
    expect(rightKey.text).not.toContain('王小明');
  });

  it('refuse a value with a line break and a malformed name', async () => {
    expect((await admin.put('/api/connector-secrets/k', { value: 'a\r\nX-Injected: 1' })).status).toBe(400);
    expect((await admin.put(`/api/connector-secrets/${enc('bad name')}`, { value: 'x' })).status).toBe(400);
    expect((await admin.delete('/api/connector-secrets/never-set')).status).toBe(404);
  });
});

describe('declarations', () => {
  it('refuses a malformed declaration with every problem, each naming the connector and the field', async () => {
    const declaration = await declarationOf(t.server, 'population');
    const broken = {
      ...declaration, id: undefined, timeoutMs: 999_999, url: 'https://elsewhere.example.com/persons/{citizenId}',
      fields: { ...(declaration.fields as object), nickname: { path: '$..name', type: 'nickname', personal: 'yes' } },
    };

    const put = await admin.put('/api/connectors/population', broken);

    expect(put.status).toBe(400);
    const paths = (expectProblem(put).errors ?? []).map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['fields.nickname.path', 'fields.nickname.personal', 'fields.nickname.type', 'timeoutMs', 'url']));
    for (const error of expectProblem(put).errors ?? []) expect(error.message).toContain('连接器 population');
    // Nothing changed.
    expect(await declarationOf(t.server, 'population')).toEqual(declaration);
  });

  it('refuses an origin that is not on the allow-list until an administrator adds it, and keeps used origins', async () => {
    const declaration = await declarationOf(t.server, 'population');
    const moved = { ...declaration, url: 'https://exchange.example.gov.cn/persons/{citizenId}' };
    expect((await admin.put('/api/connectors/moved', moved)).status).toBe(400);

    expect((await admin.post('/api/connector-origins', { origin: 'https://exchange.example.gov.cn' })).status).toBe(201);
    expect((await admin.put('/api/connectors/moved', moved)).status).toBe(201);
    const removing = await admin.delete(`/api/connector-origins?origin=${enc('https://exchange.example.gov.cn')}`);
    expect(removing.status).toBe(409);
    expect(removing.text).toContain('moved');

    expect((await admin.delete('/api/connectors/moved')).status).toBe(204);
    expect((await admin.delete(`/api/connector-origins?origin=${enc('https://exchange.example.gov.cn')}`)).status).toBe(204);
    expect((await admin.post('/api/connector-origins', { origin: 'https://exchange.example.gov.cn/path' })).status).toBe(400);
  });

  it('audits every change of the catalogue, without values', async () => {
    const audit = await admin.get<{ items: { action: string; target?: string }[] }>('/api/audit?limit=100');
    const actions = new Set(audit.body.items.map((e) => e.action));
    for (const action of ['seed.connectors', 'connector-secret.set', 'connector.create', 'connector.delete', 'connector-origin.add', 'connector-origin.remove', 'connector.test']) {
      expect(actions, action).toContain(action);
    }
  });
});
