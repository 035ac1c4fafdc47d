import { z } from 'zod';
import type { Services } from '../app/services.js';
import { defineRoute, json } from '../http/route.js';
import { Id } from './common.js';

const Department = z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional(), createdAt: z.string() });

/** Departments are not secret: every signed-in user may list them (pickers in the designer need them). */
export function departmentRoutes(s: Services) {
  return [
    defineRoute({
      method: 'get', path: '/api/departments', tag: 'departments', access: 'signedIn',
      summary: 'All departments',
      responses: { 200: { description: 'Departments', schema: z.object({ items: z.array(Department) }) } },
      handler: () => json(200, { items: s.departments.list() }),
    }),
    defineRoute({
      method: 'put', path: '/api/departments/:id', tag: 'departments', access: ['admin'],
      summary: 'Create or rename a department',
      params: z.object({ id: Id }),
      body: z.strictObject({ name: z.string().trim().min(1).max(100), nameEn: z.string().trim().min(1).max(200).optional() }),
      responses: { 200: { description: 'Saved', schema: Department } },
      handler: ({ params, body, user }) => {
        const at = s.clock.now().toISOString();
        s.db.transaction(() => {
          s.departments.put({ id: params.id, ...body }, at);
          s.audit.append({ at, actor: user.id, action: 'department.put', target: params.id, details: { name: body.name } });
        }).immediate();
        return json(200, s.departments.get(params.id));
      },
    }),
  ];
}
