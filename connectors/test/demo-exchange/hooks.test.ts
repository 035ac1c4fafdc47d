import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY } from '../../src/demo-exchange/index.js';
import { start } from './helpers.js';

const PERSON = '/population/persons/110105200001011238';
let exchange: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  exchange = await start({ hangMs: 300 });
});
afterAll(() => exchange.close());

const call = (fail: string, signal?: AbortSignal) =>
  fetch(exchange.url + PERSON, { headers: { 'x-api-key': DEFAULT_API_KEY, 'x-demo-fail': fail }, ...(signal ? { signal } : {}) });

describe('demo exchange failure hooks', () => {
  it('X-Demo-Fail: 500 answers 500 JSON', async () => {
    const res = await call('500');
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ code: 'internal-error' });
  });

  it('X-Demo-Fail: malformed sends JSON that does not parse', async () => {
    const res = await call('malformed');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    await expect(res.json()).rejects.toThrow();
  });

  it('X-Demo-Fail: timeout hangs until the client aborts', async () => {
    const started = Date.now();
    await expect(call('timeout', AbortSignal.timeout(100))).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('X-Demo-Fail: timeout gives up after the hang cap with 504', async () => {
    const res = await call('timeout');
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ code: 'timeout' });
  });

  it('close() does not wait for hanging requests', async () => {
    const other = await start();
    const pending = fetch(other.url + PERSON, { headers: { 'x-api-key': DEFAULT_API_KEY, 'x-demo-fail': 'timeout' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });

  it('an unknown hook is a 400, and hooks still require the API key', async () => {
    expect((await call('explode')).status).toBe(400);
    const res = await fetch(exchange.url + PERSON, { headers: { 'x-demo-fail': '500' } });
    expect(res.status).toBe(401);
  });
});
