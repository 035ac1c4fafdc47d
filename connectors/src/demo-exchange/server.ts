/**
 * The demo 数据共享交换平台: node:http only, loopback only, JSON only.
 * Logs nothing: requests carry citizen IDs in their paths.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemoData, DEFAULT_SEED } from './dataset.js';
import { createDelays, type Delays } from './delays.js';
import { checkLatencyOption, latencyFor, MAX_LATENCY_MS, parseLatencyHeader, type LatencySettings } from './latency.js';
import { route } from './routes.js';
import type { DemoData } from './types.js';

export const DEFAULT_API_KEY = 'demo-exchange-key';
/** Longest a `X-Demo-Fail: timeout` request hangs before the server gives up with 504. */
export const MAX_HANG_MS = 60_000;

export type DemoExchangeOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Must be a loopback address: the data is synthetic but shaped like personal data. */
  host?: string;
  seed?: number;
  apiKey?: string;
  /** Cap for the timeout hook, at most MAX_HANG_MS; tests shorten it. */
  hangMs?: number;
  /** Fixed delay added to every authorised answer, 0 (default) to MAX_LATENCY_MS. */
  latencyMs?: number;
  /**
   * Extra delay in [0, latencyJitterMs] per request, default 0. Deterministic:
   * a hash of the seed and the request path and query, so the same request
   * always waits the same time.
   */
  latencyJitterMs?: number;
};

export type DemoExchange = { url: string; close(): Promise<void> };

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startDemoExchange(options: DemoExchangeOptions = {}): Promise<DemoExchange> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`demo exchange binds to loopback only, not ${host}`);
  const apiKey = digest(options.apiKey ?? DEFAULT_API_KEY);
  const hangMs = Math.min(options.hangMs ?? MAX_HANG_MS, MAX_HANG_MS);
  const seed = options.seed ?? DEFAULT_SEED;
  const latency: LatencySettings = {
    latencyMs: checkLatencyOption('latencyMs', options.latencyMs ?? 0),
    jitterMs: checkLatencyOption('latencyJitterMs', options.latencyJitterMs ?? 0),
    seed,
  };
  const data = createDemoData(seed);
  const delays = createDelays();

  const server = createServer((req, res) => handle(req, res, { data, apiKey, hangMs, latency, delays }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port, family } = server.address() as AddressInfo;
  const urlHost = family === 'IPv6' ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    async close() {
      // Delayed and hanging requests would otherwise keep close() waiting and their timers the process alive.
      delays.cancelAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type Context = { data: DemoData; apiKey: Buffer; hangMs: number; latency: LatencySettings; delays: Delays };

function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): void {
  const url = new URL(req.url ?? '/', 'http://demo-exchange.invalid');
  // Health probes come from the start script, which holds no secrets.
  if (url.pathname !== '/healthz' && !authorised(req.headers['x-api-key'], ctx.apiKey)) {
    return send(res, 401, { code: 'unauthorized', message: 'API 密钥缺失或错误', messageEn: 'Missing or wrong X-Api-Key' });
  }
  if (req.method !== 'GET') {
    res.setHeader('allow', 'GET');
    return send(res, 405, { code: 'method-not-allowed', message: '仅支持 GET', messageEn: 'Only GET is supported' });
  }
  // Probes must see a live server at once, whatever latency a benchmark asked for.
  if (url.pathname === '/healthz') return answer(req, res, url, ctx);
  const requested = parseLatencyHeader(req.headers['x-demo-latency']);
  if (requested === 'bad') {
    return send(res, 400, { code: 'bad-latency', message: `X-Demo-Latency 应为 0 到 ${MAX_LATENCY_MS} 之间的整数（毫秒）`, messageEn: `X-Demo-Latency must be an integer from 0 to ${MAX_LATENCY_MS} (milliseconds)` });
  }
  // The header replaces the server's latency for this request, so one call can also opt out with 0.
  const delay = requested ?? latencyFor(ctx.latency, req.url ?? '/');
  res.setHeader('x-demo-latency-ms', String(delay));
  req.resume();
  ctx.delays.after(res, delay, () => answer(req, res, url, ctx));
}

function answer(req: IncomingMessage, res: ServerResponse, url: URL, ctx: Context): void {
  const fail = req.headers['x-demo-fail'];
  if (fail !== undefined) return failure(String(fail), res, ctx);
  const result = route(ctx.data, url.pathname, url.searchParams);
  send(res, result.status, result.body);
}

/** Failure hooks so connector retries, timeouts and parsing can be tested against a real server. */
function failure(kind: string, res: ServerResponse, ctx: Context): void {
  switch (kind) {
    case '500':
      return send(res, 500, { code: 'internal-error', message: '演示：服务器内部错误', messageEn: 'Demo: internal server error' });
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"code": "ok", "data": [');
      return;
    case 'timeout':
      // Hang until the client gives up, but never forever.
      return ctx.delays.after(res, ctx.hangMs, () =>
        send(res, 504, { code: 'timeout', message: '演示：处理超时', messageEn: 'Demo: gave up waiting' }));
    default:
      return send(res, 400, { code: 'bad-fail-hook', message: 'X-Demo-Fail 应为 500、timeout 或 malformed', messageEn: 'X-Demo-Fail must be 500, timeout or malformed' });
  }
}

function authorised(header: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof header !== 'string') return false;
  // Compare digests so the comparison time depends on neither key's length nor content.
  return timingSafeEqual(digest(header), expected);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
