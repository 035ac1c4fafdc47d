/**
 * The declared shape of a connector. Everything a connector does is in this
 * configuration, so a reviewer can check it against the data-sharing
 * agreement: which origin, which inputs are sent, which fields come back and
 * which of them are personal data. Objects are strict so a misspelt key is a
 * problem instead of a silently ignored setting.
 */
import { z } from 'zod';
import { feelSyntaxProblem } from './feel-check.js';
import { parseJsonPath } from './json-path.js';

export const MAX_TIMEOUT_MS = 30_000;
export const MAX_RETRIES = 5;
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Headers the driver owns: the transport sets them, or provenance depends on them. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'content-type', 'x-correlation-id', 'connection', 'transfer-encoding']);

const feel = z.string().superRefine((expression, ctx) => {
  const problem = feelSyntaxProblem(expression);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

const header = z.union([
  z.strictObject({ secret: z.string().regex(/^[A-Za-z][\w.-]{0,99}$/) }),
  z.strictObject({ value: z.string().max(1000).regex(/^[^\r\n]*$/, '请求头值不得换行 (no line breaks)') }),
]);

export const FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'citizenId', 'creditCode', 'mobile'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const field = z.strictObject({
  path: z.string().refine((path) => parseJsonPath(path) !== undefined, {
    message: '路径须为简单 JSON 路径，如 $.data.name 或 data.items[0].code (simple JSON path only)',
  }),
  type: z.enum(FIELD_TYPES),
  personal: z.boolean(),
});

const nonNegativeInt = z.number().int().nonnegative();

export const connectorSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, '连接器标识须为小写字母、数字和连字符 (lower-case kebab id)'),
    name: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().min(1).max(100),
    /** PIPL art. 6: why the data is needed, shown to reviewers and in the audit log. */
    purpose: z.string().trim().min(4, '须说明数据用途（最小必要原则） (state the purpose)').max(500),
    method: z.enum(['GET', 'POST']),
    url: z.string().max(2000),
    query: z.record(z.string().min(1).max(100), feel).default({}),
    body: z.record(z.string().min(1).max(100), feel).optional(),
    headers: z
      .record(z.string().regex(/^[A-Za-z0-9-]{1,100}$/, '请求头名称无效 (invalid header name)'), header)
      .default({}),
    timeoutMs: z.number().int().min(1).max(MAX_TIMEOUT_MS),
    retries: z.strictObject({ max: nonNegativeInt.max(MAX_RETRIES), backoffMs: nonNegativeInt.max(60_000) }),
    circuitBreaker: z.strictObject({ failureThreshold: z.number().int().min(1).max(100), resetAfterMs: z.number().int().min(1) }),
    cacheTtlMs: nonNegativeInt,
    maxResponseBytes: z.number().int().min(1).max(MAX_RESPONSE_BYTES),
    fields: z
      .record(z.string().regex(/^[A-Za-z_][\w]{0,63}$/, '字段名无效 (invalid field name)'), field)
      .refine((fields) => Object.keys(fields).length > 0, '至少声明一个字段 (declare at least one field)'),
  })
  .superRefine((connector, ctx) => {
    for (const name of Object.keys(connector.headers)) {
      if (RESERVED_HEADERS.has(name.toLowerCase())) {
        ctx.addIssue({ code: 'custom', path: ['headers', name], message: `请求头 ${name} 由驱动设置 (reserved header)` });
      }
    }
    if (connector.body !== undefined && connector.method !== 'POST') {
      ctx.addIssue({ code: 'custom', path: ['body'], message: '只有 POST 请求可以带请求体 (only POST has a body)' });
    }
  });

export type Connector = z.output<typeof connectorSchema>;
export type ConnectorField = Connector['fields'][string];
export type HeaderSource = Connector['headers'][string];
