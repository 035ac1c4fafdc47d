import { describe, expect, it } from 'vitest';
import { runScript } from '../cli/run-script.js';

/** Every figure `bench/http.ts --json` must report; no timing is asserted, only that each was measured. */
const FIGURES = ['completionsPerSec', 'completionP50Ms', 'completionP99Ms', 'startsPerSec', 'startP50Ms', 'startP99Ms', 'completionClientCpuMs', 'startClientCpuMs'];

describe('bench/http.ts', () => {
  it('with --quick --json, runs the real server under load and prints one JSON object of finite figures, with no failed request', async () => {
    const result = await runScript('bench/http.ts', ['--quick', '--json']);

    expect(result.code, result.stderr).toBe(0);
    const figures = JSON.parse(result.stdout) as Record<string, unknown> & { config: Record<string, unknown>; rounds: Record<string, unknown>[] };
    for (const key of FIGURES) {
      expect(typeof figures[key], key).toBe('number');
      expect(Number.isFinite(figures[key]), key).toBe(true);
    }
    expect(figures.errors).toBe(0);
    expect(figures.completionErrors).toBe(0);
    expect(figures.startErrors).toBe(0);
    expect(figures.warmupErrors).toBe(0);
    expect(typeof figures.goalMet).toBe('boolean');
    // The configuration the figures were measured under travels with them.
    expect(figures.config).toMatchObject({ connections: 50, synchronous: 'FULL', runs: 1, quick: true });
    expect(figures.rounds).toHaveLength(1);
    expect(figures.rounds[0]!.completions).toBe(50 * (figures.config.tasksPerConnection as number));
  }, 300_000);
});
