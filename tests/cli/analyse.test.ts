import { describe, expect, it } from 'vitest';
import { tongban } from './run-script.js';

const example = 'engine/examples/one-thing.bpmn';

interface AnalyseJson {
  asIs: { workingDays: number; basis: string };
  toBe: { workingDays: number };
  compressionRatio: number;
  criticalPath: string[];
  problems: unknown[];
}

describe('tongban analyse', () => {
  it('prints the as-is and to-be durations, compression and critical path as JSON', async () => {
    const result = await tongban('analyse', example, '--json');

    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as AnalyseJson;
    // As-is: legal limits 3 + 20 + 20 + 10 + 10 + 20 = 83, plus the two front-desk steps
    // without one at their promise of 4wh = 4/7 wd each: 83 + 8/7 ≈ 84.14.
    expect(output.asIs).toEqual({ workingDays: expect.closeTo(83 + 8 / 7, 10), basis: 'legal-serial-sum' });
    // To-be: 4/7 + max(1, 4/7, 1, 1, 1, 1) + 4/7 = 1 + 8/7 ≈ 2.14.
    expect(output.toBe.workingDays).toBeCloseTo(1 + 8 / 7, 10);
    expect(output.compressionRatio).toBeCloseTo(1 - (1 + 8 / 7) / (83 + 8 / 7), 10);
    expect(output.criticalPath).toEqual(['Task_accept', 'Task_market', 'Task_deliver']);
    expect(output.problems).toEqual([]);
  });

  it('prints a summary for people, Chinese first', async () => {
    const result = await tongban('analyse', example);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('现状 (as-is): 84.14 个工作日');
    expect(result.stdout).toContain('再造后 (to-be): 2.14 个工作日');
    expect(result.stdout).toContain('压缩 (compression): 97.5%');
    expect(result.stdout).toContain('Task_accept 综合窗口受理 → Task_market 市场主体设立登记 → Task_deliver 统一出件');
  });

  it('with --as-is, takes the as-is duration from the serial process', async () => {
    const result = await tongban('analyse', example, '--as-is', 'tests/cli/fixtures/analyse-as-is.bpmn', '--json');

    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as AnalyseJson;
    expect(output.asIs).toEqual({ workingDays: 53, basis: 'as-is-path' }); // 3 + 20 + 20 + 10
  });

  it('exits 1 with the problems when a diagram does not parse', async () => {
    const result = await tongban('analyse', 'tests/cli/fixtures/not-utf8.bpmn', '--json');

    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ problems: [expect.objectContaining({ code: 'xml/not-utf8', severity: 'error' })] });
  });

  it('exits 2 on a missing file or a bad option', async () => {
    const missing = await tongban('analyse', 'no/such.bpmn');
    const unknown = await tongban('analyse', example, '--frobnicate');

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文件');
    expect(unknown.code).toBe(2);
  });
});
