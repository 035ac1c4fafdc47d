import { describe, expect, it } from 'vitest';
import { runScript } from '../cli/run-script.js';

/** Every figure `bench/prefill.ts --json` must report; no timing is asserted, only that each was measured. */
const FIGURES = ['prefillP50Ms', 'prefillP99Ms', 'slowestSourceP99Ms', 'ratio'];

describe('bench/prefill.ts', () => {
  it('with --quick --json, prefills against the demo exchange beside each source and prints one JSON object, with no wrong answer', async () => {
    const result = await runScript('bench/prefill.ts', ['--quick', '--json']);

    expect(result.code, result.stderr).toBe(0);
    const figures = JSON.parse(result.stdout) as Record<string, unknown> & { sources: Record<string, { p99Ms: number }> };
    for (const key of FIGURES) {
      expect(typeof figures[key], key).toBe('number');
      expect(Number.isFinite(figures[key]), key).toBe(true);
    }
    expect(Object.keys(figures.sources).sort()).toEqual(['e-licence', 'legal-entity', 'population', 'real-estate', 'social-insurance']);
    expect(figures.slowestSourceP99Ms).toBe(Math.max(...Object.values(figures.sources).map((s) => s.p99Ms)));
    expect(figures.errors).toBe(0);
    expect(typeof figures.goalMet).toBe('boolean');
  }, 300_000);
});
