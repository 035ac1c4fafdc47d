import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConnectorClient, type ConnectorCallResult, type ConnectorClientOptions } from '../../src/http/index.js';
import { connector, json, startServer } from './fixture.js';

const SECRET = 's3cr3t-value-never-shown';
const PERSON = {
  data: {
    name: '张三',
    idNumber: '110105200001011238',
    birth: '20000101',
    licences: [{ code: '91110000600037341L' }],
    bankAccount: '6222000000000000',
  },
  debug: { internal: true },
};

let server: Awaited<ReturnType<typeof startServer>>;
let clock = Date.parse('2025-03-01T02:00:00Z');

beforeEach(async () => {
  server = await startServer();
  clock = Date.parse('2025-03-01T02:00:00Z');
});
afterEach(() => server.close());

function client(overrides: Record<string, unknown> = {}, options: Partial<ConnectorClientOptions> = {}) {
  return createConnectorClient({
    connectors: [connector(server.origin, overrides)],
    allowedOrigins: [server.origin],
    secrets: (name) => (name === 'populationKey' ? SECRET : undefined),
    now: () => clock,
    ...options,
  });
}

function failed(result: ConnectorCallResult) {
  if (result.ok) throw new Error('expected a failure');
  return result;
}

describe('connector client: mapping', () => {
  it('maps declared fields, normalises them and drops everything else', async () => {
    server.handle((_req, res) => json(res, 200, PERSON));
    const result = await client().call('population', { citizenId: '110105200001011238' });
    expect(result).toMatchObject({
      ok: true,
      fromCache: false,
      values: { name: '张三', idNumber: '110105200001011238', birthDate: '2000-01-01', firstLicence: '91110000600037341L' },
      rejected: [],
      missing: [],
      source: { connectorId: 'population', at: '2025-03-01T02:00:00.000Z' },
    });
    if (!result.ok) return;
    expect(Object.keys(result.values).sort()).toEqual(['birthDate', 'firstLicence', 'idNumber', 'name']);
    expect(JSON.stringify(result)).not.toContain('6222000000000000');
    expect(result.personalFields.sort()).toEqual(['birthDate', 'idNumber', 'name']);
    expect(server.received[0]?.headers['x-correlation-id']).toBe(result.source.correlationId);
    expect(result.source.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('builds the path and query from FEEL over the input, URL-encoded', async () => {
    server.handle((_req, res) => json(res, 200, PERSON));
    const result = await client({
      url: `${server.origin}/persons/{citizenId}`,
      query: { scope: '"basic"', region: 'upper case(area) + "/市"', year: 'year - 1', skip: 'null' },
    }).call('population', { citizenId: '11010520000101123x', area: 'bj&x', year: 2025 });
    expect(result.ok).toBe(true);
    const url = new URL(server.received[0]?.url ?? '', server.origin);
    expect(url.pathname).toBe('/persons/11010520000101123x');
    expect(url.searchParams.get('scope')).toBe('basic');
    expect(url.searchParams.get('region')).toBe('BJ&X/市');
    expect(url.searchParams.get('year')).toBe('2024');
    expect(url.searchParams.has('skip')).toBe(false);
    expect(server.received[0]?.url).toContain('region=BJ%26X%2F%E5%B8%82');
  });

  it('sends a POST body built from FEEL', async () => {
    server.handle((_req, res) => json(res, 200, PERSON));
    const result = await client({ method: 'POST', url: `${server.origin}/query`, query: {}, body: { id: 'citizenId', n: '1 + 1' } }).call(
      'population',
      { citizenId: '110105200001011238' },
    );
    expect(result.ok).toBe(true);
    expect(server.received[0]?.method).toBe('POST');
    expect(JSON.parse(server.received[0]?.body ?? '')).toEqual({ id: '110105200001011238', n: 2 });
    expect(server.received[0]?.headers['content-type']).toBe('application/json');
  });

  it('fails without calling when a URL placeholder has no value', async () => {
    const result = failed(await client().call('population', {}));
    expect(result).toMatchObject({ code: 'connector/input-invalid', retryable: false });
    expect(server.received).toHaveLength(0);
  });

  it('reports an invalid citizen id in `rejected` without the value', async () => {
    server.handle((_req, res) => json(res, 200, { data: { ...PERSON.data, idNumber: '110105200001011239', birth: '2000-02-30' } }));
    const result = await client().call('population', { citizenId: '110105200001011238' });
    if (!result.ok) throw new Error(result.code);
    expect(result.values.idNumber).toBeUndefined();
    expect(result.rejected).toEqual([
      expect.objectContaining({ field: 'idNumber', code: 'citizen-id/check-digit' }),
      expect.objectContaining({ field: 'birthDate', code: 'field/type' }),
    ]);
    expect(JSON.stringify(result.rejected)).not.toContain('110105200001011239');
  });

  it('lists declared fields the response lacks as missing', async () => {
    server.handle((_req, res) => json(res, 200, { data: { name: '李四', licences: [] } }));
    const result = await client().call('population', { citizenId: '110105200001011238' });
    expect(result).toMatchObject({ ok: true, values: { name: '李四' }, missing: ['idNumber', 'birthDate', 'firstLicence'] });
  });
});

describe('connector client: secrets', () => {
  it('sends the secret header to the server', async () => {
    server.handle((_req, res) => json(res, 200, PERSON));
    await client().call('population', { citizenId: '110105200001011238' });
    expect(server.received[0]?.headers['x-api-key']).toBe(SECRET);
    expect(server.received[0]?.headers['x-caller']).toBe('tongban');
  });

  it('fails with secret-missing, naming the secret but not calling', async () => {
    const result = failed(await client({}, { secrets: () => undefined }).call('population', { citizenId: '110105200001011238' }));
    expect(result).toMatchObject({ code: 'connector/secret-missing', retryable: false });
    expect(result.messageEn).toContain('populationKey');
    expect(server.received).toHaveLength(0);
  });

  it('never puts the secret or the response body in a failure', async () => {
    server.handle((_req, res) => json(res, 500, { error: `bad key ${SECRET}`, person: PERSON }));
    const result = failed(await client({ retries: { max: 0, backoffMs: 0 } }).call('population', { citizenId: '110105200001011238' }));
    expect(result.code).toBe('connector/http-server-error');
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain('张三');
  });
});

describe('connector client: retries and failures', () => {
  it('does not retry a 4xx', async () => {
    server.handle((_req, res) => json(res, 404, { error: 'not found' }));
    const result = failed(await client().call('population', { citizenId: '110105200001011238' }));
    expect(result).toMatchObject({ code: 'connector/http-client-error', status: 404, retryable: false });
    expect(server.received).toHaveLength(1);
  });

  it('retries a 5xx and then succeeds, with one correlation id', async () => {
    let calls = 0;
    server.handle((_req, res) => (++calls < 3 ? json(res, 503, {}) : json(res, 200, PERSON)));
    const result = await client().call('population', { citizenId: '110105200001011238' });
    expect(result.ok).toBe(true);
    expect(server.received).toHaveLength(3);
    expect(new Set(server.received.map((r) => r.headers['x-correlation-id'])).size).toBe(1);
  });

  it('gives up after retries.max retries', async () => {
    server.handle((_req, res) => json(res, 502, {}));
    const result = failed(await client().call('population', { citizenId: '110105200001011238' }));
    expect(result).toMatchObject({ code: 'connector/http-server-error', retryable: true });
    expect(server.received).toHaveLength(3);
  });

  it('times out a slow source', async () => {
    server.handle((_req, res) => {
      const timer = setTimeout(() => json(res, 200, PERSON), 2_000);
      res.on('close', () => clearTimeout(timer));
    });
    const result = failed(
      await client({ timeoutMs: 50, retries: { max: 1, backoffMs: 0 } }).call('population', { citizenId: '110105200001011238' }),
    );
    expect(result).toMatchObject({ code: 'connector/timeout', retryable: true });
    expect(server.received).toHaveLength(2);
  });

  it('refuses an oversize response while streaming it', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(`{"data":{"name":"${'x'.repeat(600)}`);
      res.end(`${'y'.repeat(600)}"}}`);
    });
    const result = failed(await client({ maxResponseBytes: 1_000 }).call('population', { citizenId: '110105200001011238' }));
    expect(result).toMatchObject({ code: 'connector/response-too-large', retryable: false });
    expect(result.message).not.toContain('xxx');
  });

  it('refuses an oversize response by its Content-Length', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-length': '5000' });
      res.end('x'.repeat(5000));
    });
    const result = failed(await client({ maxResponseBytes: 1_000 }).call('population', { citizenId: '110105200001011238' }));
    expect(result.code).toBe('connector/response-too-large');
  });

  it('reports a non-JSON body as invalid-response without quoting it', async () => {
    server.handle((_req, res) => res.end('<html>张三 secret page</html>'));
    const result = failed(await client().call('population', { citizenId: '110105200001011238' }));
    expect(result).toMatchObject({ code: 'connector/invalid-response', retryable: false });
    expect(JSON.stringify(result)).not.toContain('张三');
  });

  it('refuses redirects', async () => {
    server.handle((_req, res) => {
      res.writeHead(302, { location: 'https://elsewhere.example/' });
      res.end();
    });
    const result = failed(await client().call('population', { citizenId: '110105200001011238' }));
    expect(result).toMatchObject({ code: 'connector/redirect-refused', status: 302 });
  });

  it('reports an unknown connector', async () => {
    expect(failed(await client().call('nope', {})).code).toBe('connector/unknown');
  });
});

describe('connector client: circuit breaker', () => {
  it('opens after consecutive failures and half-opens after the reset', async () => {
    let healthy = false;
    server.handle((_req, res) => (healthy ? json(res, 200, PERSON) : json(res, 500, {})));
    const c = client({ retries: { max: 0, backoffMs: 0 }, circuitBreaker: { failureThreshold: 2, resetAfterMs: 30_000 } });
    const input = { citizenId: '110105200001011238' };
    expect(failed(await c.call('population', input)).code).toBe('connector/http-server-error');
    expect(failed(await c.call('population', input)).code).toBe('connector/http-server-error');
    expect(failed(await c.call('population', input))).toMatchObject({ code: 'connector/circuit-open', retryable: true });
    expect(server.received).toHaveLength(2);

    clock += 29_999;
    expect(failed(await c.call('population', input)).code).toBe('connector/circuit-open');
    clock += 1;
    // Half-open: the trial call fails, so the circuit opens again at once.
    expect(failed(await c.call('population', input)).code).toBe('connector/http-server-error');
    expect(failed(await c.call('population', input)).code).toBe('connector/circuit-open');
    expect(server.received).toHaveLength(3);

    clock += 30_000;
    healthy = true;
    expect((await c.call('population', input)).ok).toBe(true);
    expect((await c.call('population', input)).ok).toBe(true);
    expect(server.received).toHaveLength(5);
  });

  it('does not count 4xx answers as source failures', async () => {
    server.handle((_req, res) => json(res, 404, {}));
    const c = client({ circuitBreaker: { failureThreshold: 1, resetAfterMs: 30_000 } });
    await c.call('population', { citizenId: '110105200001011238' });
    expect(failed(await c.call('population', { citizenId: '110105200001011238' })).code).toBe('connector/http-client-error');
  });
});

describe('connector client: cache', () => {
  it('serves a hit within the TTL and calls again after it', async () => {
    server.handle((_req, res) => json(res, 200, PERSON));
    const c = client({ cacheTtlMs: 60_000 });
    const first = await c.call('population', { citizenId: '110105200001011238', unrelated: 1 });
    clock += 59_999;
    const second = await c.call('population', { unrelated: 2, citizenId: '110105200001011238' });
    expect(second).toMatchObject({ ok: true, fromCache: true, values: { name: '张三' } });
    if (first.ok && second.ok) expect(second.source).toEqual(first.source);
    expect(server.received).toHaveLength(1);

    await c.call('population', { citizenId: '11010519491231002X' });
    expect(server.received).toHaveLength(2);

    clock += 1;
    const third = await c.call('population', { citizenId: '110105200001011238' });
    expect(third).toMatchObject({ ok: true, fromCache: false });
    expect(server.received).toHaveLength(3);
  });

  it('does not cache failures', async () => {
    let calls = 0;
    server.handle((_req, res) => (++calls === 1 ? json(res, 404, {}) : json(res, 200, PERSON)));
    const c = client({ cacheTtlMs: 60_000 });
    expect((await c.call('population', { citizenId: '110105200001011238' })).ok).toBe(false);
    expect((await c.call('population', { citizenId: '110105200001011238' })).ok).toBe(true);
  });
});
