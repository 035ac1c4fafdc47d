import { Agent, request } from 'node:http';
import { percentile } from '../http/stats.js';

/** One keep-alive pool per target, sized for the concurrency, so no request waits for a socket. */
export function pool(concurrency: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: concurrency });
}

export interface Timed {
  readonly status: number;
  readonly ms: number;
  readonly text: string;
}

export function timedRequest(agent: Agent, url: string, method: 'GET' | 'POST', headers: Record<string, string>, body?: string): Promise<Timed> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request(url, { method, agent, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, ms: performance.now() - started, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

export interface LoadFigures {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
}

/**
 * `total` requests by `concurrency` workers, each sending its next request
 * when its last one answered (a closed loop, as 50 clerks at 50 desks).
 * `send(i)` makes request number i and says whether its answer was right.
 */
export async function closedLoop(concurrency: number, total: number, send: (i: number, worker: number) => Promise<{ ms: number; ok: boolean }>): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async (_, worker) => {
    for (let i = next++; i < total; i = next++) {
      const { ms, ok } = await send(i, worker);
      latencies.push(ms);
      if (!ok) errors++;
    }
  }));
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), errors };
}
