import { describe, expect, it } from 'vitest';
import { runScript } from '../cli/run-script.js';

/** Figures of the durable rows (e.): rates and their ratios, so each must be above zero as well. */
const DURABLE_FIGURES = [
  'tongbanSqliteFullInstancesPerSec', 'tongbanSqliteNormalInstancesPerSec', 'xstateSqliteFullInstancesPerSec', 'xstateSqliteNormalInstancesPerSec',
  'sqliteInstancesPerSecRatio', 'sqliteNormalInstancesPerSecRatio', 'sqliteShareOfLimit', 'sqliteNormalShareOfLimit', 'sqliteCommitsPerInstance',
  'tongbanSqliteFullGroupedInstancesPerSec', 'tongbanSqliteNormalGroupedInstancesPerSec', 'sqliteGroupedInstancesPerSecRatio', 'sqliteGroupedShareOfLimit', 'sqliteInFlight',
];

/** Every figure `bench/engine.ts --json` must report; no timing is asserted, only that each was measured. */
const FIGURES = [
  'tongbanInstancesPerSec', 'bpmnEngineInstancesPerSec', 'xstateBareInstancesPerSec', 'instancesPerSecRatio', 'tongbanToXstateRatio',
  'tongbanStoreInstancesPerSec', 'bpmnEngineStoreInstancesPerSec', 'storeInstancesPerSecRatio',
  'tongbanHeapPerWaitingInstance', 'bpmnEngineHeapPerWaitingInstance', 'heapPerWaitingInstanceRatio',
  'tongbanParse7Ms', 'bpmnEngineParse7Ms', 'parse7Ratio',
  'tongbanParse500Ms', 'bpmnEngineParse500Ms', 'parse500Ratio',
  ...DURABLE_FIGURES,
];

describe('bench/engine.ts', () => {
  it('with --quick --json, prints one JSON object with every figure as a finite number', async () => {
    const result = await runScript('bench/engine.ts', ['--quick', '--json']);

    expect(result.code, result.stderr).toBe(0);
    const figures = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const key of FIGURES) {
      expect(typeof figures[key], key).toBe('number');
      expect(Number.isFinite(figures[key]), key).toBe(true);
    }
    for (const key of DURABLE_FIGURES) expect(figures[key], key).toBeGreaterThan(0);
  }, 300_000);
});
