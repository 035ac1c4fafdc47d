import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { DEFAULT_API_KEY, MAX_LATENCY_MS, startDemoExchange } from '../../src/demo-exchange/index.js';
import { start } from './helpers.js';

const PERSON = '/population/persons/110105200001011238';

/** One call, timed from before sending to after the whole body arrived. */
async function timed(url: string, headers: Record<string, string> = {}, signal?: AbortSignal) {
  const started = performance.now();
  const res = await fetch(url, { headers: { 'x-api-key': DEFAULT_API_KEY, ...headers }, ...(signal ? { signal } : {}) });
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, body, applied: res.headers.get('x-demo-latency-ms'), elapsed: performance.now() - started };
}

describe('demo exchange latency injection', () => {
  it('X-Demo-Latency delays that response by at least the requested time', async () => {
    const exchange = await start();
    try {
      const slow = await timed(exchange.url + PERSON, { 'x-demo-latency': '200' });
      expect(slow).toMatchObject({ status: 200, applied: '200', body: expect.objectContaining({ name: '王小明' }) });
      expect(slow.elapsed).toBeGreaterThanOrEqual(200);
    } finally {
      await exchange.close();
    }
  });

  it.each(['-1', '10001', '99999', 'abc', '1.5', '1e3', '', '0x10'])('X-Demo-Latency: "%s" is a 400 bad-latency', async (value) => {
    const exchange = await start();
    try {
      const { status, body } = await exchange.get(PERSON, { 'x-demo-latency': value });
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'bad-latency', message: expect.stringContaining(String(MAX_LATENCY_MS)) });
    } finally {
      await exchange.close();
    }
  });

  it('the latency header, like the failure hooks, needs the API key first', async () => {
    const exchange = await start();
    try {
      const res = await fetch(exchange.url + PERSON, { headers: { 'x-demo-latency': 'abc' } });
      expect(res.status).toBe(401);
    } finally {
      await exchange.close();
    }
  });

  it('latencyMs delays every authorised answer, errors included, but never /healthz', async () => {
    const exchange = await start({ latencyMs: 150 });
    try {
      for (const path of [PERSON, '/real-estate?owner=abc', '/population/persons/110105200001011254']) {
        const answer = await timed(exchange.url + path);
        expect(answer.applied).toBe('150');
        expect(answer.elapsed).toBeGreaterThanOrEqual(150);
      }
      const health = await fetch(`${exchange.url}/healthz`);
      expect(health.status).toBe(200);
      expect(health.headers.get('x-demo-latency-ms')).toBeNull();
    } finally {
      await exchange.close();
    }
  });

  it('a delayed request does not hold up the others', async () => {
    const exchange = await start();
    const abort = new AbortController();
    try {
      const slow = timed(exchange.url + PERSON, { 'x-demo-latency': String(MAX_LATENCY_MS) }, abort.signal).then(() => 'slow', () => 'aborted');
      const fast = timed(exchange.url + PERSON).then((answer) => `fast ${answer.status}`);
      expect(await Promise.race([slow, fast])).toBe('fast 200');
      abort.abort();
      expect(await slow).toBe('aborted');
    } finally {
      await exchange.close();
    }
  });

  it('X-Demo-Latency replaces the server latency for one request, so 0 answers first', async () => {
    const exchange = await start({ latencyMs: MAX_LATENCY_MS });
    const abort = new AbortController();
    try {
      const waiting = timed(exchange.url + PERSON, {}, abort.signal).then(() => 'waiting', () => 'aborted');
      const immediate = timed(exchange.url + PERSON, { 'x-demo-latency': '0' }).then((answer) => `immediate ${answer.applied}`);
      expect(await Promise.race([waiting, immediate])).toBe('immediate 0');
      abort.abort();
      expect(await waiting).toBe('aborted');
    } finally {
      await exchange.close();
    }
  });

  it('jitter is deterministic per seed and request, within [latencyMs, latencyMs + latencyJitterMs]', async () => {
    const options = { seed: 42, latencyMs: 20, latencyJitterMs: 200 };
    const paths = [PERSON, '/population/persons/440305199912314565', '/population/persons/44030519880808104X',
      '/legal-entities/91110108123456788E', '/legal-entities/92440300MA000012X0', '/e-licences?holder=110105200001011238',
      '/real-estate?owner=110105200001011238', '/real-estate?owner=91110108123456788E', '/social-insurance/110105200001011238'];
    const [one, two, other] = await Promise.all([start(options), start(options), start({ ...options, seed: 43 })]);
    try {
      const delays = async (exchange: typeof one) => Promise.all(paths.map((path) => timed(exchange.url + path)));
      const [a, b, c] = await Promise.all([delays(one), delays(two), delays(other)]);
      const applied = (answers: typeof a) => answers.map((answer) => Number(answer.applied));
      expect(applied(b)).toEqual(applied(a));
      expect(applied(c)).not.toEqual(applied(a));
      expect(new Set(applied(a)).size).toBeGreaterThan(1);
      for (const answer of [...a, ...b, ...c]) {
        expect(Number(answer.applied)).toBeGreaterThanOrEqual(20);
        expect(Number(answer.applied)).toBeLessThanOrEqual(220);
        expect(answer.elapsed).toBeGreaterThanOrEqual(Number(answer.applied));
      }
    } finally {
      await Promise.all([one.close(), two.close(), other.close()]);
    }
  });

  it.each([
    [{ latencyMs: -1 }, /latencyMs/],
    [{ latencyMs: 1.5 }, /latencyMs/],
    [{ latencyMs: MAX_LATENCY_MS + 1 }, /latencyMs/],
    [{ latencyJitterMs: Number.NaN }, /latencyJitterMs/],
    [{ latencyJitterMs: MAX_LATENCY_MS + 1 }, /latencyJitterMs/],
  ])('refuses to start with %o', async (options, message) => {
    await expect(startDemoExchange(options)).rejects.toThrow(message);
  });
});
