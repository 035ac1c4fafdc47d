import { describe, expect, it } from 'vitest';
import { runScript } from '../cli/run-script.js';

/** Every figure `bench/analysis.ts --json` must report; no timing is asserted, only that each was measured. */
const FIGURES = ['analysis500Ms', 'reengineer200Ms', 'reengineer200NoLayoutMs', 'reengineer200Stages'];

describe('bench/analysis.ts', () => {
  it('with --quick --json, prints one JSON object with every figure as a finite number', async () => {
    const result = await runScript('bench/analysis.ts', ['--quick', '--json']);

    expect(result.code, result.stderr).toBe(0);
    const figures = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const key of FIGURES) {
      expect(typeof figures[key], key).toBe('number');
      expect(Number.isFinite(figures[key]), key).toBe(true);
    }
  }, 120_000);
});
