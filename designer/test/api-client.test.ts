import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, ApiError, createApi } from '../src/api';

/** A real HTTP server that answers like the Tongban API does, recording what it was sent. */
let server: Server;
let base = '';
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers);
    if (request.url === '/api/session' && request.method === 'POST') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user: { id: 'u', username: 'designer', displayName: 'D', roles: ['designer'], departments: [] }, csrfToken: 'token-1' }));
    } else if (request.url === '/api/definitions' && request.method === 'POST') {
      const title = request.headers['accept-language'] === 'en' ? 'The process has errors' : '流程有错误';
      response.writeHead(422, { 'content-type': 'application/problem+json' }).end(JSON.stringify({
        title, status: 422, code: 'process/invalid', detail: '1 error(s); nothing was deployed',
        errors: [{ in: 'body', path: 'Task_tax', code: 'tb/user-task-department', message: '未指定部门', messageEn: 'No department', elementId: 'Task_tax' }],
      }));
    } else if (request.url === '/api/departments') {
      response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    } else {
      response.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: '接口不存在', status: 404, code: 'route/not-found' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the API client', () => {
  it('sends the CSRF token from sign-in on changes only, and the UI language', async () => {
    const api = createApi(new ApiClient(() => 'en', base));
    const view = await api.signIn('designer', 'tongban');
    api.client.setCsrfToken(view.csrfToken);
    seen.length = 0;
    await expect(api.deploy('<x/>')).rejects.toBeInstanceOf(ApiError);
    await expect(api.versions('p')).rejects.toBeInstanceOf(ApiError);
    expect(seen[0]?.['x-csrf-token']).toBe('token-1');
    expect(seen[0]?.['content-type']).toBe('application/xml');
    expect(seen[1]?.['x-csrf-token']).toBeUndefined();
    expect(seen.every((h) => h['accept-language'] === 'en')).toBe(true);
  });

  it('turns a problem+json answer into an ApiError with its title, detail and element ids', async () => {
    const api = createApi(new ApiClient(() => 'zh-CN', base));
    const error = await api.deploy('<x/>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.problem.title).toBe('流程有错误');
    expect(apiError.problem.detail).toBe('1 error(s); nothing was deployed');
    expect(apiError.fieldProblems).toEqual([expect.objectContaining({ elementId: 'Task_tax', code: 'tb/user-task-department' })]);
  });

  it('gives an answer that is not a problem the status as its title', async () => {
    const error = (await createApi(new ApiClient(() => 'zh-CN', base)).departments().catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.problem.title).toBe('HTTP 502');
    expect(error.fieldProblems).toEqual([]);
  });

  it('reports an unreachable server as status 0', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const port = typeof address === 'object' && address ? address.port : 0;
    const error = (await createApi(new ApiClient(() => 'zh-CN', `http://127.0.0.1:${port}`)).definitions().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
  });
});
