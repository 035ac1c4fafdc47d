import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { Clock, WorkingCalendar } from '@tongban/engine';
import { readConfig, startServer, type RunningServer } from '../../src/index.js';

export interface TestServer extends RunningServer {
  readonly dataDir: string;
  /** Signs in a demo user (password `tongban`) and returns a client carrying its cookie and CSRF token. */
  signIn(username: string, password?: string): Promise<ApiClient>;
  /** A client with no session. */
  anonymous(): ApiClient;
  /** Closes the server and deletes its data directory. */
  dispose(): Promise<void>;
}

export interface TestServerOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly clock?: Clock;
  readonly calendar?: WorkingCalendar;
  /** Reuse a data directory (a restart); a fresh temporary one otherwise. */
  readonly dataDir?: string;
  /** The "one thing" packages to deploy at start; default: the repository's `processes/`. */
  readonly processesDir?: string;
}

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

/** A real server on an ephemeral port over a real SQLite file in a temporary directory. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tongban-server-'));
  const env = {
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', TONGBAN_SCHEDULER: 'false', TONGBAN_DEMO_EXCHANGE: 'false',
    TONGBAN_PROCESSES_DIR: options.processesDir ?? join(REPO_ROOT, 'processes'),
    ...options.env,
  };
  const config = readConfig(env, REPO_ROOT);
  const running = await startServer({ config, env, ...(options.clock ? { clock: options.clock } : {}), ...(options.calendar ? { calendar: options.calendar } : {}) });
  return {
    ...running,
    close: () => running.close(),
    dataDir,
    signIn: async (username, password = 'tongban') => {
      const client = new ApiClient(running.url);
      await client.signIn(username, password);
      return client;
    },
    anonymous: () => new ApiClient(running.url),
    dispose: async () => {
      await running.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

/** A user of the API: keeps the session cookie and sends the CSRF token, as the designer app does. */
export class ApiClient {
  private cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async signIn(username: string, password: string): Promise<ApiResponse> {
    const response = await this.request('POST', '/api/session', { json: { username, password } });
    if (response.status !== 200) throw new Error(`Sign-in of ${username} failed: ${response.status} ${response.text}`);
    this.csrfToken = (response.body as { csrfToken: string }).csrfToken;
    return response;
  }

  /** The `Cookie` header this client sends (for requests made by hand). */
  cookieHeader(): string {
    return this.cookie ?? '';
  }

  get<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, json?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, json === undefined ? {} : { json });
  }

  put<T = unknown>(path: string, json?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', path, json === undefined ? {} : { json });
  }

  patch<T = unknown>(path: string, json?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('PATCH', path, json === undefined ? {} : { json });
  }

  delete<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('DELETE', path);
  }

  /** Any request; `raw` sends a body as is, with `contentType`. */
  async request<T = unknown>(method: string, path: string, options: { json?: unknown; raw?: string | Uint8Array; contentType?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    let body: string | Uint8Array | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    } else if (options.raw !== undefined) {
      body = options.raw;
      if (options.contentType) headers['content-type'] = options.contentType;
    }
    const response = await send(this.baseUrl + path, method, headers, body);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    let parsed: unknown = response.text;
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json') && response.text) parsed = JSON.parse(response.text);
    return { status: response.status, headers: response.headers, body: parsed as T, text: response.text };
  }
}

/** node:http rather than fetch: fetch decides some headers (Origin) itself, and tests need to send any. */
function send(url: string, method: string, headers: Record<string, string>, body: string | Uint8Array | undefined): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const h = new Headers();
        for (const [key, value] of Object.entries(response.headers)) {
          if (value === undefined) continue;
          for (const v of Array.isArray(value) ? value : [value]) h.append(key, v);
        }
        resolve({ status: response.statusCode ?? 0, headers: h, text: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
