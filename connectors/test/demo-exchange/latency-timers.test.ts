/**
 * A delayed request must not leave a timer behind when its client leaves or
 * the server closes: it would keep a test run or the CLI alive for up to
 * MAX_LATENCY_MS (MAX_HANG_MS for the timeout hook). Observed in a fresh
 * process, where process.getActiveResourcesInfo() lists only our timers.
 */
import { describe, expect, it } from 'vitest';
import { connectorsPath, finished, spawnTsx } from './run-tsx.js';

const run = async (mode: string) => {
  const { code, stdout, stderr } = await finished(spawnTsx(connectorsPath('test', 'demo-exchange', 'fixtures', 'pending-timers.ts'), [mode]));
  expect(stderr).toBe('');
  // Ending by itself, without process.exit, means nothing else held the process either.
  expect(code).toBe(0);
  return JSON.parse(stdout) as Record<string, unknown>;
};

// Each test starts a fresh node with tsx: slower than an in-process test on a loaded machine.
describe('demo exchange latency timers', { timeout: 30_000 }, () => {
  it('a client that disconnects releases the delay timer', async () => {
    expect(await run('abort')).toEqual({ whilePending: 1, client: 'failed', afterAbort: 0, afterClose: 0 });
  });

  it('close() while a delayed request is pending ends the request and leaves no timer', async () => {
    expect(await run('close')).toEqual({ whilePending: 1, client: 'failed', afterClose: 0 });
  });

  it('close() also ends a request that was delayed and then hangs (X-Demo-Fail: timeout)', async () => {
    expect(await run('hang')).toEqual({ whilePending: 1, client: 'failed', afterClose: 0 });
  });
});
