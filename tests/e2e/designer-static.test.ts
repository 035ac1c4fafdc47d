import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from '../support/server-process.js';
import { DESIGNER_DIST } from './support/designer-build.js';
import { readFileSync } from 'node:fs';

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** node:http, so the test chooses Accept-Encoding and sees the bytes as sent. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

describe('the server serves the built designer at /', () => {
  let built: ServerProcess;
  let unbuilt: ServerProcess;
  const dirs: string[] = [];

  beforeAll(async () => {
    const [a, b] = await Promise.all([mkdtemp(join(tmpdir(), 'tongban-static-')), mkdtemp(join(tmpdir(), 'tongban-static-'))]);
    dirs.push(a, b);
    [built, unbuilt] = await Promise.all([
      spawnServer({ DATA_DIR: a }),
      spawnServer({ DATA_DIR: b, TONGBAN_DESIGNER_DIST: join(b, 'no-build-here') }),
    ]);
  }, 90_000);

  afterAll(async () => {
    for (const server of [built, unbuilt]) server?.child.kill('SIGTERM');
    await Promise.all([built?.exited, unbuilt?.exited]);
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('answers / and every app path outside /api with index.html, never cached', async () => {
    const index = readFileSync(join(DESIGNER_DIST, 'index.html'), 'utf8');
    for (const path of ['/', '/login', '/modeler/open_company']) {
      const answer = await get(`${built.url}${path}`);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.body.toString('utf8')).toBe(index);
    }
  });

  it('sends hashed assets as immutable, gzipped when the browser accepts it', async () => {
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(DESIGNER_DIST, 'index.html'), 'utf8'))?.[1];
    expect(script).toBeDefined();
    const plain = await get(`${built.url}${script}`);
    const zipped = await get(`${built.url}${script}`, { 'accept-encoding': 'gzip, deflate' });
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it('does not answer a missing asset, a path outside the build, or an unknown API route with the app', async () => {
    expect((await get(`${built.url}/assets/index-missing.js`)).status).toBe(404);
    expect((await get(`${built.url}/favicon.ico`)).status).toBe(404);
    const outside = await get(`${built.url}/%2e%2e/%2e%2e/package.json`);
    expect(outside.body.toString('utf8')).not.toContain('"@tongban/designer"');
    const api = await get(`${built.url}/api/no-such-thing`);
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('says how to build the designer when the build is missing, and the API still works', async () => {
    const page = await get(`${unbuilt.url}/modeler`);
    expect(page.status).toBe(503);
    expect(page.body.toString('utf8')).toContain('pnpm build:designer');
    expect((await get(`${unbuilt.url}/readyz`)).status).toBe(200);
  });
});
