import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type Koa from 'koa';

const gzipAsync = promisify(gzip);

/** Where `pnpm build:designer` writes the app; `TONGBAN_DESIGNER_DIST` points elsewhere. */
export const DEFAULT_DESIGNER_DIST = resolve(import.meta.dirname, '..', '..', '..', 'designer', 'dist');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Text compresses to about a third; fonts and images are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.map', '.txt']);

/** Vite names every file under assets/ after its content hash, so a browser may keep it for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built designer (a single-page app) after the API routes: files
 * from the build, `index.html` for any other GET outside `/api` (the app's
 * router takes it from there), and a page saying how to build it when the
 * build is missing. `index.html` is never cached, so a new deployment is
 * picked up on the next load.
 */
export function designerStatic(dist: string = process.env.TONGBAN_DESIGNER_DIST ?? DEFAULT_DESIGNER_DIST): Koa.Middleware {
  const root = resolve(dist);
  const index = join(root, 'index.html');
  const gzipped = new GzipCache();
  return async (ctx, next) => {
    await next();
    if (ctx.body !== undefined || ctx.status !== 404) return;
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || isReserved(ctx.path)) return;
    const file = await existingFile(root, ctx.path);
    if (file) {
      await send(ctx, file, file.startsWith(join(root, 'assets') + sep) ? IMMUTABLE : 'no-cache', gzipped);
      return;
    }
    // A missing asset is a 404, not the app: a stale page asking for an old chunk must fail visibly.
    if (ctx.path.startsWith('/assets/') || extname(ctx.path) !== '') return;
    if (await existingFile(root, '/index.html')) {
      await send(ctx, index, 'no-cache', gzipped);
      return;
    }
    ctx.status = 503;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = MISSING_BUILD_PAGE;
  };
}

function isReserved(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/healthz' || path === '/readyz';
}

/** The file a URL path names inside the build, or undefined: never a path outside it. */
async function existingFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const target = resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  if (target !== root && !target.startsWith(root + sep)) return undefined;
  try {
    return (await stat(target)).isFile() ? target : undefined;
  } catch {
    return undefined;
  }
}

async function send(ctx: Koa.Context, file: string, cacheControl: string, gzipped: GzipCache): Promise<void> {
  ctx.status = 200;
  ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
  ctx.set('Cache-Control', cacheControl);
  const compressible = COMPRESSIBLE.has(extname(file));
  if (compressible) ctx.vary('Accept-Encoding');
  if (ctx.method === 'HEAD') {
    ctx.body = '';
    return;
  }
  if (compressible && ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = await gzipped.get(file);
    return;
  }
  ctx.body = createReadStream(file);
}

/**
 * Each built file gzipped once and kept: the build is a few megabytes, its
 * files change only when it is rebuilt (the modification time says so).
 */
class GzipCache {
  private readonly entries = new Map<string, { mtimeMs: number; body: Promise<Buffer> }>();

  async get(file: string): Promise<Buffer> {
    const { mtimeMs } = await stat(file);
    const cached = this.entries.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.body;
    const body = readFile(file).then((content) => gzipAsync(content));
    this.entries.set(file, { mtimeMs, body });
    body.catch(() => this.entries.delete(file));
    return body;
  }
}

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>通办 · 设计器未构建</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.6">
<h1>设计器尚未构建 · The designer is not built</h1>
<p>服务器正在运行，API 位于 <a href="/api/docs">/api/docs</a>，但找不到设计器的构建结果（designer/dist）。请在仓库根目录运行：</p>
<p>The server is running and the API is at <a href="/api/docs">/api/docs</a>, but the designer's build (designer/dist) is missing. From the repository root, run:</p>
<pre>pnpm build:designer</pre>
<p>然后刷新本页。<code>pnpm start</code>（scripts/start.sh）会自动构建。 · Then reload this page; scripts/start.sh builds it for you.</p>
</body></html>
`;
