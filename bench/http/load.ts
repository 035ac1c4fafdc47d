import { Agent, request } from 'node:http';
import { percentile } from './stats.js';

/** What one connection sends: its session's headers, and either one fixed path or a queue of paths, one per request. */
export interface ConnectionPlan {
  readonly headers: Readonly<Record<string, string>>;
  /** Sent again and again until the duration ends. */
  readonly path?: string;
  /** One request per entry, then the connection is done: each task is completed exactly once. */
  readonly queue?: readonly string[];
}

export interface LoadOptions {
  readonly url: string;
  readonly method: 'POST';
  readonly body: string;
  /** One plan per connection: the connection count is its length. */
  readonly connections: readonly ConnectionPlan[];
  /** No request starts after this; a run of queues usually ends earlier, when every queue is done. */
  readonly durationSec: number;
}

export interface LoadResult {
  /** Responses with a 2xx status. */
  readonly ok: number;
  /** Every other status, by code. */
  readonly failures: Readonly<Record<string, number>>;
  /** Requests that got no response: connection errors. */
  readonly errors: number;
  /** From the first request to the last response. */
  readonly elapsedMs: number;
  readonly perSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * Closed-loop load: one keep-alive connection per plan, each sending its
 * next request as soon as the previous answer is in, as a clerk clicking
 * through an inbox does. Latency is request start → last byte of the
 * response, per request, unrounded.
 *
 * Why not autocannon: it opens its connections as the run starts, and a
 * Node server whose event loop is busy admits one new connection per loop
 * turn, so against a saturated server the last of 50 connections waited
 * seconds for its first answer, and the p99 measured connection admission
 * rather than task completion. Here every connection is opened and
 * answered once (GET /healthz) before the load begins, as the long-lived
 * connections of signed-in browsers would be.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const body = Buffer.from(options.body);
  // One socket per connection: maxSockets 1 makes each agent a single keep-alive connection.
  const agents = options.connections.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
  const send = (agent: Agent, method: string, path: string, headers: Readonly<Record<string, string>>, payload?: Buffer) =>
    new Promise<number>((done, fail) => {
      const req = request({
        host: target.hostname, port: target.port, method, path, agent,
        headers: payload ? { ...headers, 'content-length': String(payload.length) } : headers,
      }, (res) => {
        res.on('data', noop);
        res.on('end', () => done(res.statusCode ?? 0));
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end(payload);
    });

  try {
    await Promise.all(agents.map((agent) => send(agent, 'GET', '/healthz', {})));
    let ok = 0;
    let errors = 0;
    let lastAnswer = 0;
    const failures: Record<string, number> = {};
    const latencies: number[] = [];
    const started = performance.now();
    const deadline = started + options.durationSec * 1000;

    await Promise.all(options.connections.map(async (plan, i) => {
      const agent = agents[i]!;
      const headers = { ...plan.headers };
      for (let k = 0; performance.now() < deadline; k++) {
        const path = plan.queue ? plan.queue[k] : plan.path;
        if (path === undefined) return;
        const sent = performance.now();
        try {
          const status = await send(agent, options.method, path, headers, body);
          const answered = performance.now();
          latencies.push(answered - sent);
          lastAnswer = Math.max(lastAnswer, answered);
          if (status >= 200 && status < 300) ok++;
          else failures[status] = (failures[status] ?? 0) + 1;
        } catch {
          // A broken connection: the agent opens a new one for the next request.
          errors++;
        }
      }
    }));

    const elapsedMs = Math.max(1, lastAnswer - started);
    latencies.sort((a, b) => a - b);
    return {
      ok, failures, errors, elapsedMs, perSec: (ok * 1000) / elapsedMs,
      p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), maxMs: latencies.at(-1) ?? Number.NaN,
    };
  } finally {
    for (const agent of agents) agent.destroy();
  }
}

function noop(): void {}
