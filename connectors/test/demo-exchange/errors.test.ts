import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoExchange, UNKNOWN_CITIZEN_ID } from '../../src/demo-exchange/index.js';
import { start } from './helpers.js';

let exchange: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  exchange = await start();
});
afterAll(() => exchange.close());

describe('demo exchange errors', () => {
  it.each([
    ['/population/persons/', UNKNOWN_CITIZEN_ID],
    ['/social-insurance/', UNKNOWN_CITIZEN_ID],
    ['/legal-entities/', '91110000600037341L'],
    ['/e-licences?holder=', UNKNOWN_CITIZEN_ID],
  ])('404 not-found for a valid but unknown identifier: %s', async (path, id) => {
    expect(await exchange.get(path + id)).toEqual({ status: 404, body: expect.objectContaining({ code: 'not-found' }) });
  });

  it('404 for an unknown endpoint', async () => {
    expect((await exchange.get('/population/households/1')).status).toBe(404);
  });

  it.each([
    ['/population/persons/110105200001011239', 'citizen-id/check-digit'],
    ['/population/persons/12345', 'citizen-id/length'],
    ['/social-insurance/650102202302298880', 'citizen-id/birth-date'],
    ['/legal-entities/91110108123456788F', 'credit-code/check-digit'],
    ['/legal-entities/91110108I23456788E', 'credit-code/characters'],
    ['/e-licences', 'holder-missing'],
    ['/e-licences?holder=abc', 'holder-invalid'],
    ['/population/persons/%E0%A4%A', 'bad-path'],
  ])('400 with the validator code for %s', async (path, code) => {
    const { status, body } = await exchange.get(path);
    expect(status).toBe(400);
    expect(body.code).toBe(code);
    expect(body.message).toEqual(expect.any(String));
  });

  it('401 without or with a wrong API key', async () => {
    const missing = await fetch(`${exchange.url}/population/persons/110105200001011238`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'unauthorized' });
    const wrong = await exchange.get('/population/persons/110105200001011238', { 'x-api-key': 'nope' });
    expect(wrong).toEqual({ status: 401, body: expect.objectContaining({ code: 'unauthorized' }) });
  });

  it('accepts a custom API key and only that key', async () => {
    const custom = await startDemoExchange({ apiKey: 'other-key' });
    try {
      const ok = await fetch(`${custom.url}/legal-entities/91110108123456788E`, { headers: { 'x-api-key': 'other-key' } });
      expect(ok.status).toBe(200);
      const old = await fetch(`${custom.url}/legal-entities/91110108123456788E`, { headers: { 'x-api-key': 'demo-exchange-key' } });
      expect(old.status).toBe(401);
    } finally {
      await custom.close();
    }
  });

  it('405 for methods other than GET', async () => {
    const res = await fetch(`${exchange.url}/healthz`, { method: 'POST', headers: { 'x-api-key': 'demo-exchange-key' } });
    expect(res.status).toBe(405);
  });

  it('refuses to bind anywhere but loopback', async () => {
    await expect(startDemoExchange({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});
