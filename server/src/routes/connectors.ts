import { z } from 'zod';
import type { Connector } from '@tongban/connectors';
import type { Services } from '../app/services.js';
import { hasRole, type CurrentUser } from '../accounts/index.js';
import type { CatalogueEntry } from '../connectors/index.js';
import { maskDeclaredPersonal } from '../masking/index.js';
import { Problem, type FieldProblem } from '../http/problem.js';
import { defineRoute, json, noContent } from '../http/route.js';

const ConnectorId = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'lower-case kebab id');
const SecretName = z.string().regex(/^[A-Za-z][\w.-]{0,99}$/, 'letters, digits, . - _');
const Origin = z.url().refine((value) => {
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
}, '来源须为 http(s)://主机[:端口]，不含路径 (an origin: scheme, host and port only)').transform((value) => new URL(value).origin);

const FieldSummary = z.object({ type: z.string(), personal: z.boolean() });
const ConnectorSummary = z.object({
  id: z.string(), name: z.string(), nameEn: z.string(), purpose: z.string(),
  fields: z.record(z.string(), FieldSummary),
});
const ConnectorDetail = ConnectorSummary.extend({
  declaration: z.record(z.string(), z.unknown()).describe('The declaration as saved; secret headers name their secret, never its value'),
  secrets: z.array(z.object({ name: z.string(), set: z.boolean() })),
  updatedAt: z.string(), updatedBy: z.string().optional(),
});

function summary(c: Connector) {
  return {
    id: c.id, name: c.name, nameEn: c.nameEn, purpose: c.purpose,
    fields: Object.fromEntries(Object.entries(c.fields).map(([name, f]) => [name, { type: f.type, personal: f.personal }])),
  };
}

/** Designers pick bindings from the catalogue; only administrators see endpoints, headers and secrets' state. */
function view(entry: CatalogueEntry, user: CurrentUser) {
  if (!hasRole(user, 'admin')) return summary(entry.connector);
  return {
    ...summary(entry.connector), declaration: entry.connector, secrets: entry.secrets, updatedAt: entry.updatedAt,
    ...(entry.updatedBy !== undefined ? { updatedBy: entry.updatedBy } : {}),
  };
}

/**
 * The connector catalogue (数据共享连接器): administrators declare
 * connectors against an allow-list of origins they keep, and store the
 * secrets their headers name. Secrets are write-only: the API says whether
 * one is set, never what it is.
 */
export function connectorRoutes(s: Services) {
  const now = () => s.clock.now().toISOString();
  return [
    defineRoute({
      method: 'get', path: '/api/connectors', tag: 'connectors', access: ['designer', 'admin'],
      summary: 'The connector catalogue: purpose and declared fields (administrators: the whole declaration)',
      responses: { 200: { description: 'Connectors', schema: z.object({ items: z.array(z.union([ConnectorDetail, ConnectorSummary])) }) } },
      handler: ({ user }) => json(200, { items: s.connectors.catalogue().map((e) => view(e, user)) }),
    }),
    defineRoute({
      method: 'get', path: '/api/connectors/:id', tag: 'connectors', access: ['designer', 'admin'],
      summary: 'One connector',
      params: z.object({ id: ConnectorId }),
      responses: { 200: { description: 'The connector', schema: z.union([ConnectorDetail, ConnectorSummary]) }, 404: { description: 'No such connector' } },
      handler: ({ params, user }) => {
        const entry = s.connectors.get(params.id);
        if (!entry) throw new Problem('not-found', `No connector ${params.id}`);
        return json(200, view(entry, user));
      },
    }),
    defineRoute({
      method: 'put', path: '/api/connectors/:id', tag: 'connectors', access: ['admin'],
      summary: 'Create or replace a connector declaration (checked against the schema and the origin allow-list)',
      params: z.object({ id: ConnectorId }),
      body: z.record(z.string(), z.unknown()),
      responses: { 200: { description: 'Replaced', schema: ConnectorDetail }, 201: { description: 'Created', schema: ConnectorDetail }, 400: { description: 'Every problem, with its path in the declaration' } },
      handler: ({ params, body, user }) => {
        const at = now();
        const result = s.db.transaction(() => {
          const put = s.connectors.put(params.id, body, at, user.id);
          if (put.ok) s.audit.append({ at, actor: user.id, action: put.created ? 'connector.create' : 'connector.update', target: params.id, details: { url: put.connector.url, fields: Object.keys(put.connector.fields) } });
          return put;
        }).immediate();
        if (!result.ok) {
          const errors: FieldProblem[] = result.problems.map((p) => ({
            in: 'body', path: p.path, pointer: `/${p.path.split('.').filter((x) => x !== '').join('/')}`, code: p.code, message: `连接器 ${params.id} 的 ${p.path || '声明'}：${p.message}`,
          }));
          throw new Problem('request/invalid', `Connector ${params.id}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, { errors });
        }
        return json(result.created ? 201 : 200, view(s.connectors.get(params.id)!, user));
      },
    }),
    defineRoute({
      method: 'delete', path: '/api/connectors/:id', tag: 'connectors', access: ['admin'],
      summary: 'Remove a connector; forms bound to it then show it as failed and stay editable',
      params: z.object({ id: ConnectorId }),
      responses: { 204: { description: 'Removed' }, 404: { description: 'No such connector' } },
      handler: ({ params, user }) => {
        const removed = s.db.transaction(() => {
          const done = s.connectors.remove(params.id);
          if (done) s.audit.append({ at: now(), actor: user.id, action: 'connector.delete', target: params.id });
          return done;
        }).immediate();
        if (!removed) throw new Problem('not-found', `No connector ${params.id}`);
        return noContent();
      },
    }),
    defineRoute({
      method: 'post', path: '/api/connectors/:id/test', tag: 'connectors', access: ['admin'],
      summary: 'A test call with the given input: what came back (personal values masked) or why it failed',
      params: z.object({ id: ConnectorId }),
      body: z.strictObject({ input: z.record(z.string(), z.union([z.string().max(1000), z.number(), z.boolean()])).default({}) }),
      responses: { 200: { description: 'The outcome of the call' }, 404: { description: 'No such connector' } },
      handler: async ({ params, body, user }) => {
        const entry = s.connectors.get(params.id);
        if (!entry) throw new Problem('not-found', `No connector ${params.id}`);
        const started = performance.now();
        const result = await s.connectors.connectorClient().call(params.id, body.input);
        const durationMs = Math.round(performance.now() - started);
        s.audit.append({ at: now(), actor: user.id, action: 'connector.test', target: params.id, details: { ok: result.ok, ...(result.ok ? { correlationId: result.source.correlationId } : { code: result.code }) } });
        if (!result.ok) return json(200, { ok: false, durationMs, failure: { code: result.code, message: result.message, messageEn: result.messageEn, ...(result.status !== undefined ? { status: result.status } : {}) } });
        // The administrator checks the wiring, not the person: personal values stay masked.
        const values = Object.fromEntries(Object.entries(result.values).map(([field, value]) => [field, entry.connector.fields[field]?.personal ? maskDeclaredPersonal(field, value) : value]));
        return json(200, { ok: true, durationMs, values, missing: result.missing, rejected: result.rejected, source: result.source });
      },
    }),
    defineRoute({
      method: 'get', path: '/api/connector-origins', tag: 'connectors', access: ['admin'],
      summary: 'The allow-list of origins connectors may call',
      responses: { 200: { description: 'Origins', schema: z.object({ items: z.array(z.object({ origin: z.string(), usedBy: z.array(z.string()) })) }) } },
      handler: () => json(200, { items: s.connectors.origins().map((origin) => ({ origin, usedBy: s.connectors.usersOfOrigin(origin) })) }),
    }),
    defineRoute({
      method: 'post', path: '/api/connector-origins', tag: 'connectors', access: ['admin'],
      summary: 'Allow an origin',
      body: z.strictObject({ origin: Origin }),
      responses: { 201: { description: 'Allowed' }, 200: { description: 'Already allowed' } },
      handler: ({ body, user }) => {
        const added = s.db.transaction(() => {
          const done = s.connectors.addOrigin(body.origin, now(), user.id);
          if (done) s.audit.append({ at: now(), actor: user.id, action: 'connector-origin.add', target: body.origin });
          return done;
        }).immediate();
        return json(added ? 201 : 200, { origin: body.origin });
      },
    }),
    defineRoute({
      method: 'delete', path: '/api/connector-origins', tag: 'connectors', access: ['admin'],
      summary: 'Remove an origin no connector calls any more',
      query: z.object({ origin: Origin }),
      responses: { 204: { description: 'Removed' }, 404: { description: 'Not in the list' }, 409: { description: 'Connectors still call it' } },
      handler: ({ query, user }) => {
        const usedBy = s.connectors.usersOfOrigin(query.origin);
        if (usedBy.length > 0) throw new Problem('conflict', `Connectors still call ${query.origin}: ${usedBy.join(', ')}`, { usedBy });
        const removed = s.db.transaction(() => {
          const done = s.connectors.removeOrigin(query.origin);
          if (done) s.audit.append({ at: now(), actor: user.id, action: 'connector-origin.remove', target: query.origin });
          return done;
        }).immediate();
        if (!removed) throw new Problem('not-found', `${query.origin} is not allowed`);
        return noContent();
      },
    }),
    defineRoute({
      method: 'get', path: '/api/connector-secrets', tag: 'connectors', access: ['admin'],
      summary: 'Which secrets are set (names and when; values are write-only)',
      responses: { 200: { description: 'Secrets', schema: z.object({ items: z.array(z.object({ name: z.string(), updatedAt: z.string(), updatedBy: z.string().optional() })) }) } },
      handler: () => json(200, { items: s.connectors.secrets() }),
    }),
    defineRoute({
      method: 'put', path: '/api/connector-secrets/:name', tag: 'connectors', access: ['admin'],
      summary: 'Set a secret (write-only; sealed with AES-256-GCM at rest)',
      params: z.object({ name: SecretName }),
      body: z.strictObject({ value: z.string().min(1).max(4096).regex(/^[^\r\n]*$/, 'no line breaks') }),
      responses: { 204: { description: 'Set' } },
      handler: ({ params, body, user }) => {
        s.db.transaction(() => {
          s.connectors.setSecret(params.name, body.value, now(), user.id);
          s.audit.append({ at: now(), actor: user.id, action: 'connector-secret.set', target: params.name });
        }).immediate();
        return noContent();
      },
    }),
    defineRoute({
      method: 'delete', path: '/api/connector-secrets/:name', tag: 'connectors', access: ['admin'],
      summary: 'Delete a secret',
      params: z.object({ name: SecretName }),
      responses: { 204: { description: 'Deleted' }, 404: { description: 'No such secret' } },
      handler: ({ params, user }) => {
        const removed = s.db.transaction(() => {
          const done = s.connectors.removeSecret(params.name);
          if (done) s.audit.append({ at: now(), actor: user.id, action: 'connector-secret.delete', target: params.name });
          return done;
        }).immediate();
        if (!removed) throw new Problem('not-found', `No secret ${params.name}`);
        return noContent();
      },
    }),
  ];
}
