import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CSRF_HEADER } from './mount.js';
import type { RouteSpec } from './route.js';

const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string(),
  errors: z.array(z.object({
    in: z.enum(['body', 'query', 'params', 'header']),
    path: z.string(),
    pointer: z.string(),
    code: z.string(),
    message: z.string(),
    elementId: z.string().optional(),
  })).optional(),
});

/** The OpenAPI 3.1 document of the routes, generated from the same zod schemas that check requests. */
export function openApiDocument(routes: readonly RouteSpec[], serverUrl: string): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey', in: 'cookie', name: 'tongban_session',
    description: 'Session cookie set by POST /api/session (`__Host-tongban_session` over https). State-changing requests also send the session\'s CSRF token in the ' + CSRF_HEADER + ' header.',
  });
  const problem = { content: { 'application/problem+json': { schema: ProblemSchema } } };
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const responses: Record<string, { description: string; content?: Record<string, { schema: z.ZodType }> }> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      responses[status] = spec.schema
        ? { description: spec.description, content: { [spec.contentType ?? 'application/json']: { schema: spec.schema } } }
        : spec.contentType
          ? { description: spec.description, content: { [spec.contentType]: { schema: z.string() } } }
          : { description: spec.description };
    }
    if (route.access !== 'public') {
      responses['401'] ??= { description: 'No valid session', ...problem };
      responses['403'] ??= { description: 'The role may not do this, or the CSRF check failed', ...problem };
    }
    if (route.params || route.body || route.query) responses['400'] ??= { description: 'Invalid request, with the path of each wrong field', ...problem };
    responses['429'] ??= { description: 'Too many requests (Retry-After says when to retry)', ...problem };
    const roles = Array.isArray(route.access) ? `\n\nRoles: ${route.access.join(', ')}.` : route.access === 'public' ? '\n\nPublic.' : '\n\nAny signed-in user.';
    registry.registerPath({
      method: route.method,
      path,
      summary: route.summary,
      description: route.summary + roles,
      tags: [route.tag],
      ...(route.access === 'public' ? {} : { security: [{ session: [] }] }),
      request: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.body ? { body: { content: { 'application/json': { schema: route.body } }, required: true } } : {}),
        ...(route.bodyType === 'xml' ? { body: { content: { 'application/xml': { schema: z.string() } }, required: true } } : {}),
      },
      responses: Object.fromEntries(Object.entries(responses).map(([status, r]) => [status, { ...r }])),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Tongban API (通办)', version: '1', description: 'Cross-department government services: processes, applications, tasks, reports. Errors are RFC 9457 problem+json.' },
    servers: [{ url: serverUrl }],
  });
}
