import { describe, expect, it } from 'vitest';
import { parseConnector, parseJsonPath, readJsonPath } from '../../src/model/index.js';

const ORIGIN = 'https://exchange.gov.example';

const valid = {
  id: 'legal-entity',
  name: '法人基础信息',
  nameEn: 'Legal entity register',
  purpose: '核验企业名称与统一社会信用代码',
  method: 'GET',
  url: `${ORIGIN}/entities/{creditCode}`,
  query: { fields: '"basic"' },
  headers: { 'X-Api-Key': { secret: 'exchangeKey' } },
  timeoutMs: 5_000,
  retries: { max: 2, backoffMs: 200 },
  circuitBreaker: { failureThreshold: 5, resetAfterMs: 30_000 },
  cacheTtlMs: 300_000,
  maxResponseBytes: 65_536,
  fields: { entityName: { path: '$.data.name', type: 'string', personal: false } },
};

function problems(overrides: Record<string, unknown>, allowedOrigins = [ORIGIN]) {
  const result = parseConnector({ ...valid, ...overrides }, { allowedOrigins });
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseConnector', () => {
  it('accepts a valid declaration and fills defaults', () => {
    const { query: _query, ...withoutQuery } = valid;
    const result = parseConnector(withoutQuery, { allowedOrigins: [`${ORIGIN}/`] });
    expect(result).toMatchObject({ ok: true, connector: { id: 'legal-entity', query: {} } });
  });

  it('rejects an origin outside the allow-list at `url`', () => {
    expect(problems({ url: 'https://evil.example/entities/{creditCode}' })).toEqual([
      expect.objectContaining({ path: 'url', code: 'connector/url' }),
    ]);
    expect(problems({}, ['https://exchange.gov.example:8443'])[0]?.path).toBe('url');
  });

  it('rejects non-http schemes, placeholders in the host, and credentials', () => {
    for (const url of ['ftp://exchange.gov.example/x', 'file:///etc/passwd', 'https://{host}/x', `https://user:pw@exchange.gov.example/x`]) {
      expect(problems({ url }).map((p) => p.path)).toContain('url');
    }
  });

  it('rejects a placeholder that is not FEEL', () => {
    expect(problems({ url: `${ORIGIN}/entities/{creditCode +}` })).toEqual([
      expect.objectContaining({ path: 'url', code: 'connector/url-placeholder' }),
    ]);
  });

  it('reports limits with their paths', () => {
    const paths = problems({
      timeoutMs: 30_001,
      retries: { max: 6, backoffMs: 10 },
      maxResponseBytes: 1024 * 1024 + 1,
      method: 'PUT',
    }).map((p) => p.path);
    expect(paths.sort()).toEqual(['maxResponseBytes', 'method', 'retries.max', 'timeoutMs']);
  });

  it('reports field problems at field-level paths', () => {
    const found = problems({
      fields: {
        ok: { path: 'data.items[0].code', type: 'creditCode', personal: false },
        badPath: { path: '$..name', type: 'string', personal: true },
        badType: { path: '$.a', type: 'email', personal: true },
        noPersonal: { path: '$.a', type: 'string' },
      },
    });
    expect(found.map((p) => p.path).sort()).toEqual(['fields.badPath.path', 'fields.badType.type', 'fields.noPersonal.personal']);
  });

  it('reports FEEL syntax errors in query and body', () => {
    const found = problems({ method: 'POST', query: { a: 'x +' }, body: { b: '' } });
    expect(found.map((p) => p.path).sort()).toEqual(['body.b', 'query.a']);
  });

  it('rejects unknown keys (at the object) and a header with both a secret and a value', () => {
    const found = problems({ headers: { 'X-Both': { secret: 'a', value: 'b' } }, retry: 3 });
    expect(found.map((p) => p.path).sort()).toEqual(['', 'headers.X-Both']);
  });

  it('rejects a body on GET and headers the driver owns', () => {
    const found = problems({ body: { a: '1' }, headers: { 'X-Correlation-Id': { value: 'x' }, Host: { value: 'h' } } });
    expect(found.map((p) => p.path).sort()).toEqual(['body', 'headers.Host', 'headers.X-Correlation-Id']);
  });

  it('requires a purpose and at least one field', () => {
    expect(problems({ purpose: '', fields: {} }).map((p) => p.path).sort()).toEqual(['fields', 'purpose']);
  });

  it('never throws on junk', () => {
    expect(parseConnector(null, { allowedOrigins: [] }).ok).toBe(false);
    expect(parseConnector('x', { allowedOrigins: [] }).ok).toBe(false);
  });
});

describe('JSON paths', () => {
  it('parses the simple grammar and nothing more', () => {
    expect(parseJsonPath('$.data.name')).toEqual(['data', 'name']);
    expect(parseJsonPath('data.items[0].code')).toEqual(['data', 'items', 0, 'code']);
    expect(parseJsonPath('$[1]')).toEqual([1]);
    for (const bad of ['$', '', '$..a', 'a.*', 'a[?(@.x)]', '.a', 'a[-1]']) expect(parseJsonPath(bad)).toBeUndefined();
  });

  it('reads own properties only', () => {
    expect(readJsonPath({ a: [{ b: 1 }] }, ['a', 0, 'b'])).toBe(1);
    expect(readJsonPath({}, ['constructor'])).toBeUndefined();
    expect(readJsonPath({ a: 'str' }, ['a', 'length'])).toBeUndefined();
  });
});
