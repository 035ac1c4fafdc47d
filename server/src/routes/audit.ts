import { z } from 'zod';
import type { Services } from '../app/services.js';
import { PeriodQuery, periodOf } from '../calendar/index.js';
import { defineRoute, json } from '../http/route.js';
import { Id, PageQuery, pageOf, pageSchema } from './common.js';

const AuditRecordView = z.object({
  seq: z.number().int(), at: z.string(), actor: z.string().optional(), action: z.string(), instanceId: z.string().optional(),
  target: z.string().optional(), details: z.record(z.string(), z.unknown()), prevHash: z.string(), hash: z.string(),
});
const Verification = z.object({
  ok: z.boolean(), checked: z.number().int().describe('Rows that checked out, from seq 1'),
  seq: z.number().int().optional().describe('The first row that does not check out'),
  reason: z.enum(['hash-mismatch', 'chain-broken', 'gap']).optional(),
});

/**
 * The audit trail, for administrators: a filtered, paged list (newest
 * first) and a walk of the whole HMAC chain. Reading the trail is not
 * itself recorded. The walk reads every row on the request's thread: on a
 * very large trail prefer `pnpm audit:verify` on the server's machine.
 */
export function auditRoutes(s: Services) {
  return [
    defineRoute({
      method: 'get', path: '/api/audit', tag: 'audit', access: ['admin'],
      summary: 'Audit records, newest first, by application, actor (user id) and period (`from` inclusive; `to` a date counts that whole day, an instant is exclusive)',
      query: PageQuery.extend(PeriodQuery.shape).extend({ instanceId: Id.optional(), actor: z.string().min(1).max(200).optional(), action: z.string().regex(/^[a-z][\w.-]{0,99}$/).optional() }),
      responses: { 200: { description: 'A page of audit records', schema: pageSchema(AuditRecordView) } },
      handler: ({ query }) => {
        const period = periodOf(query);
        const { items, total } = s.audit.query({
          limit: query.limit, offset: query.offset, ...period,
          ...(query.instanceId !== undefined ? { instanceId: query.instanceId } : {}),
          ...(query.actor !== undefined ? { actor: query.actor } : {}),
          ...(query.action !== undefined ? { action: query.action } : {}),
        });
        return json(200, pageOf(items, total, query));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/audit/verify', tag: 'audit', access: ['admin'],
      summary: 'Walks the whole chain and reports the first record that was changed, removed or re-chained',
      responses: { 200: { description: 'ok: every record checks out; otherwise the seq of the first that does not', schema: Verification } },
      handler: () => json(200, s.audit.verify()),
    }),
  ];
}
