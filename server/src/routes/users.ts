import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Services } from '../app/services.js';
import { hashPassword, Role } from '../accounts/index.js';
import { Problem } from '../http/problem.js';
import { defineRoute, json } from '../http/route.js';
import { IdParams, PageQuery, pageOf, pageSchema } from './common.js';
import { userView, UserView } from './session.js';

const AdminUserView = UserView.extend({ disabled: z.boolean(), createdAt: z.string(), updatedAt: z.string() });
const Password = z.string().min(8, 'At least 8 characters').max(200);
const Username = z.string().min(2).max(64).regex(/^[a-z0-9._-]+$/, 'Lower-case letters, digits and . _ -');

/**
 * Accounts, for administrators. Disabling an account or changing its
 * password or roles revokes its sessions at once.
 */
export function userRoutes(s: Services) {
  const departmentsExist = (ids: readonly string[]) => {
    const missing = ids.filter((id) => !s.departments.get(id));
    if (missing.length > 0) {
      throw new Problem('request/invalid', `Unknown department(s): ${missing.join(', ')}`, {
        errors: missing.map((id) => ({ in: 'body', path: 'departments', pointer: '/departments', code: 'unknown-department', message: `No department ${id}` })),
      });
    }
  };
  const adminView = (u: NonNullable<ReturnType<typeof s.users.get>>) => ({ ...userView(u), disabled: u.disabled, createdAt: u.createdAt, updatedAt: u.updatedAt });

  return [
    defineRoute({
      method: 'get', path: '/api/users', tag: 'users', access: ['admin'],
      summary: 'Accounts, by department or role',
      query: PageQuery.extend({ department: z.string().max(100).optional(), role: Role.optional() }),
      responses: { 200: { description: 'A page of accounts', schema: pageSchema(AdminUserView) } },
      handler: ({ query }) => {
        const { items, total } = s.users.list({ limit: query.limit, offset: query.offset, ...(query.department ? { department: query.department } : {}), ...(query.role ? { role: query.role } : {}) });
        return json(200, pageOf(items.map(adminView), total, query));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/users', tag: 'users', access: ['admin'],
      summary: 'Create an account',
      body: z.strictObject({
        username: Username, displayName: z.string().trim().min(1).max(100), password: Password,
        roles: z.array(Role).min(1).max(5), departments: z.array(z.string().min(1).max(100)).max(50).default([]),
      }),
      responses: { 201: { description: 'Created', schema: AdminUserView }, 409: { description: 'The username is taken' } },
      handler: async ({ body, user }) => {
        departmentsExist(body.departments);
        if (s.users.byUsername(body.username)) throw new Problem('conflict', `The username ${body.username} is taken`);
        const passwordHash = await hashPassword(body.password);
        const id = randomUUID();
        const at = s.clock.now().toISOString();
        s.db.transaction(() => {
          s.users.insert({ id, username: body.username, displayName: body.displayName, passwordHash, roles: body.roles, departments: body.departments }, at);
          s.audit.append({ at, actor: user.id, action: 'user.create', target: id, details: { roles: body.roles, departments: body.departments } });
        }).immediate();
        return json(201, adminView(s.users.get(id)!));
      },
    }),
    defineRoute({
      method: 'patch', path: '/api/users/:id', tag: 'users', access: ['admin'],
      summary: 'Change an account: name, password, roles, departments, disabled',
      params: IdParams,
      body: z.strictObject({
        displayName: z.string().trim().min(1).max(100).optional(), password: Password.optional(),
        roles: z.array(Role).min(1).max(5).optional(), departments: z.array(z.string().min(1).max(100)).max(50).optional(),
        disabled: z.boolean().optional(),
      }).refine((b) => Object.keys(b).length > 0, 'Nothing to change'),
      responses: { 200: { description: 'Changed', schema: AdminUserView }, 404: { description: 'No such account' } },
      handler: async ({ params, body, user }) => {
        if (!s.users.get(params.id)) throw new Problem('not-found', `No user ${params.id}`);
        if (body.departments) departmentsExist(body.departments);
        const { password, ...rest } = body;
        const passwordHash = password !== undefined ? await hashPassword(password) : undefined;
        const now = s.clock.now();
        s.db.transaction(() => {
          s.users.update(params.id, { ...rest, ...(passwordHash ? { passwordHash } : {}) }, now.toISOString());
          // Anything that changes what the account may do ends its sessions.
          if (password !== undefined || body.disabled === true || body.roles || body.departments) s.sessions.revokeAllOf(params.id, now);
          s.audit.append({ at: now.toISOString(), actor: user.id, action: 'user.update', target: params.id, details: { changed: Object.keys(body) } });
        }).immediate();
        return json(200, adminView(s.users.get(params.id)!));
      },
    }),
  ];
}
