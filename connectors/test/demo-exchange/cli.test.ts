import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/demo-exchange/cli.js';
import { DEFAULT_API_KEY } from '../../src/demo-exchange/index.js';
import { connectorsPath, finished, spawnTsx } from './run-tsx.js';

const MAIN = connectorsPath('src', 'demo-exchange', 'main.ts');

describe('demo exchange command line', () => {
  it('defaults to port 3100 and no added latency', () => {
    expect(parseCli([], {})).toEqual({ ok: true, options: { port: 3100 } });
  });

  it('reads the environment, and a flag wins over its variable', () => {
    const env = { DEMO_EXCHANGE_PORT: '0', DEMO_EXCHANGE_LATENCY_MS: '100', DEMO_EXCHANGE_LATENCY_JITTER_MS: '40', DEMO_EXCHANGE_SEED: '7' };
    expect(parseCli([], env)).toEqual({ ok: true, options: { port: 0, seed: 7, latencyMs: 100, latencyJitterMs: 40 } });
    expect(parseCli(['--latency-ms', '250', '--latency-jitter-ms=0'], env)).toEqual({
      ok: true,
      options: { port: 0, seed: 7, latencyMs: 250, latencyJitterMs: 0 },
    });
  });

  it.each([
    [['--latency-ms', '10001'], {}, /--latency-ms must be an integer from 0 to 10000, got 10001/],
    [['--latency-ms', '1e3'], {}, /--latency-ms/],
    [[], { DEMO_EXCHANGE_LATENCY_JITTER_MS: '-5' }, /DEMO_EXCHANGE_LATENCY_JITTER_MS/],
    [[], { DEMO_EXCHANGE_PORT: '70000' }, /DEMO_EXCHANGE_PORT/],
    [['--latency', '5'], {}, /latency/],
    [['extra'], {}, /extra/],
  ])('rejects %o %o with a message naming the setting', (argv, env, message) => {
    const result = parseCli(argv, env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  // Spawns tsx: slower than an in-process test.
  it('main.ts starts with the latency flags, answers with them and stops on SIGTERM', { timeout: 30_000 }, async () => {
    const child = spawnTsx(MAIN, ['--port', '0', '--latency-ms', '50']);
    const done = finished(child);
    try {
      await answersWithLatency(child, '50');
    } finally {
      // Also on failure, so no server is left running.
      child.kill('SIGTERM');
    }
    expect((await done).code).toBe(0);
  });

  it('main.ts refuses a bad setting with exit code 1 and the message', { timeout: 30_000 }, async () => {
    const { code, stderr } = await finished(spawnTsx(MAIN, [], { DEMO_EXCHANGE_LATENCY_MS: 'slow' }));
    expect(code).toBe(1);
    expect(stderr).toMatch(/DEMO_EXCHANGE_LATENCY_MS must be an integer/);
  });
});

/** Waits for main.ts to print its URL, then checks one answer carries the configured latency. */
async function answersWithLatency(child: ChildProcess, latency: string): Promise<void> {
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('close', () => reject(new Error(`main.ts ended before listening: ${seen}`)));
  });
  const res = await fetch(`${url}/real-estate?owner=110105200001011238`, { headers: { 'x-api-key': DEFAULT_API_KEY } });
  expect(res.status).toBe(200);
  expect(res.headers.get('x-demo-latency-ms')).toBe(latency);
}
