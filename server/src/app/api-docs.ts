import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Middleware } from 'koa';
import { openApiDocument } from '../http/openapi.js';
import type { RouteSpec } from '../http/route.js';

const require = createRequire(import.meta.url);
const SWAGGER_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'favicon-32x32.png']);

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>通办 API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', withCredentials: true });`;

/**
 * `/api/openapi.json` (generated once from the routes' zod schemas) and a
 * browsable page at `/api/docs` with Swagger UI served from the installed
 * package: nothing is loaded from outside the server.
 */
export function apiDocs(routes: readonly RouteSpec[], serverUrl: string): Middleware {
  const document = JSON.stringify(openApiDocument(routes, serverUrl));
  const dist = join(require.resolve('swagger-ui-dist/package.json'), '..');
  return async (ctx, next) => {
    if (ctx.method !== 'GET') return next();
    if (ctx.path === '/api/openapi.json') {
      ctx.type = 'application/json';
      ctx.body = document;
    } else if (ctx.path === '/api/docs' || ctx.path === '/api/docs/') {
      ctx.type = 'text/html';
      ctx.set('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
      ctx.body = PAGE;
    } else if (ctx.path === '/api/docs/init.js') {
      ctx.type = 'application/javascript';
      ctx.body = INIT;
    } else if (ctx.path.startsWith('/api/docs/') && SWAGGER_FILES.has(ctx.path.slice('/api/docs/'.length))) {
      const name = ctx.path.slice('/api/docs/'.length);
      ctx.type = name.split('.').pop() ?? 'application/octet-stream';
      ctx.set('Cache-Control', 'public, max-age=86400');
      ctx.body = readFileSync(join(dist, name));
    } else {
      return next();
    }
  };
}
