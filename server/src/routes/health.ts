import { z } from 'zod';
import type { Services } from '../app/services.js';
import { defineRoute, json } from '../http/route.js';

/** Liveness (the process answers) and readiness (the store answers and migrations are applied). */
export function healthRoutes(s: Services, state: { ready: () => boolean }) {
  const Health = z.object({ status: z.enum(['ok', 'unavailable']) });
  return [
    defineRoute({
      method: 'get', path: '/healthz', tag: 'health', access: 'public', rateLimited: false,
      summary: 'Liveness', responses: { 200: { description: 'Alive', schema: Health } },
      handler: () => json(200, { status: 'ok' }),
    }),
    defineRoute({
      method: 'get', path: '/readyz', tag: 'health', access: 'public', rateLimited: false,
      summary: 'Readiness: store reachable, processes deployed, not shutting down',
      responses: { 200: { description: 'Ready', schema: Health }, 503: { description: 'Not ready', schema: Health } },
      handler: () => {
        let ok = state.ready();
        try {
          s.db.prepare('SELECT 1').get();
        } catch {
          ok = false;
        }
        return json(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable' });
      },
    }),
  ];
}
