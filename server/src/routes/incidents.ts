import { z } from 'zod';
import type { Services } from '../app/services.js';
import { Problem } from '../http/problem.js';
import { defineRoute, json } from '../http/route.js';
import { incidentRetries, type IncidentRecord } from '../scheduler/index.js';
import { IdParams, PageQuery, pageOf, pageSchema } from './common.js';

const IncidentView = z.object({
  id: z.string(),
  kind: z.enum(['timer', 'job']),
  targetId: z.string(),
  instanceId: z.string(),
  elementId: z.string().optional(),
  message: z.string(),
  attempts: z.number().int(),
  createdAt: z.string(),
  resolvedAt: z.string().optional(),
  resolvedBy: z.string().optional(),
});

const view = (i: IncidentRecord): z.infer<typeof IncidentView> => ({ ...i });

/**
 * Timers and connector jobs that failed every attempt of the scheduler, for
 * administrators: list them, and retry one once its cause is fixed.
 */
export function incidentRoutes(s: Services) {
  const incidents = incidentRetries(s);
  return [
    defineRoute({
      method: 'get', path: '/api/incidents', tag: 'incidents', access: ['admin'],
      summary: 'Timers and jobs that failed every attempt: open (newest first) or resolved',
      query: PageQuery.extend({ status: z.enum(['open', 'resolved']).default('open') }),
      responses: { 200: { description: 'A page of incidents', schema: pageSchema(IncidentView) } },
      handler: ({ query }) => {
        const { items, total } = incidents.list({ status: query.status, limit: query.limit, offset: query.offset });
        return json(200, pageOf(items.map(view), total, query));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/incidents/:id/retry', tag: 'incidents', access: ['admin'],
      summary: 'Retry: resolve the incident and let the scheduler try its timer or job again from the first attempt',
      params: IdParams,
      responses: {
        200: { description: 'Resolved; the timer or job is picked up at the next tick', schema: IncidentView },
        404: { description: 'No such incident' },
        409: { description: 'The incident was already resolved' },
      },
      handler: ({ params, user }) => {
        const result = incidents.retry(params.id, user.id);
        if (result.ok) return json(200, view(result.incident));
        if (result.reason === 'not-found') throw new Problem('not-found', `No incident ${params.id}`);
        throw new Problem('conflict', `Incident ${params.id} was already resolved`);
      },
    }),
  ];
}
