import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDefinition } from '@tongban/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { tongban } from './run-script.js';

const asIs = 'engine/examples/open-company-as-is.bpmn';
const dir = mkdtempSync(join(tmpdir(), 'tongban-reengineer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tongban reengineer', () => {
  it('given the serial 企业开办, writes a to-be that loads, prints the stages and the compression, exits 0', async () => {
    const output = join(dir, 'to-be.bpmn');

    const result = await tongban('reengineer', asIs, '-o', output);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/阶段 3 \(stage 3\) 并联 5 项/);
    expect(result.stdout).toContain('Task_tax 涉税事项办理（发票申领）');
    expect(result.stdout).toMatch(/预计办理时限：现状串联 109 个工作日 → 再造后 [\d.]+ 个工作日，压缩 [\d.]+%/);
    expect(result.stdout.indexOf('预计办理时限')).toBeLessThan(result.stdout.indexOf('Predicted'));
    const loaded = await loadDefinition(readFileSync(output, 'utf8'));
    expect(loaded.ok).toBe(true);
  });

  it('with --json, prints the stages, prediction, problems and output', async () => {
    const output = join(dir, 'to-be-json.bpmn');

    const result = await tongban('reengineer', asIs, '-o', output, '--json');

    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['output', 'prediction', 'problems', 'stages']);
    expect(json.output).toBe(output);
    expect(json.problems).toEqual([]);
    expect((json.stages as string[][]).map((stage) => stage.length)).toEqual([1, 1, 5, 1, 1]);
    const prediction = json.prediction as { asIsWorkingDays: number; toBeWorkingDays: number; compressionRatio: number };
    expect(prediction.asIsWorkingDays).toBe(109);
    expect(prediction.toBeWorkingDays).toBeLessThan(prediction.asIsWorkingDays);
    expect(prediction.compressionRatio).toBeGreaterThan(0.9);
    expect(existsSync(output)).toBe(true);
  });

  it('given a diagram that is already parallel, names the fork, writes nothing and exits 1', async () => {
    const output = join(dir, 'never.bpmn');

    const result = await tongban('reengineer', 'engine/examples/one-thing.bpmn', '-o', output, '--json');

    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { problems: { code: string; elementId?: string }[]; output?: string };
    expect(json.problems).toEqual([expect.objectContaining({ code: 'reengineer/not-serial', elementId: 'Gateway_fork' })]);
    expect(json.output).toBeUndefined();
    expect(existsSync(output)).toBe(false);
  });

  it('without -o, is a usage error (exit 2)', async () => {
    const result = await tongban('reengineer', asIs);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--output');
  });

  it('refuses to overwrite its as-is input (exit 2)', async () => {
    const result = await tongban('reengineer', asIs, '-o', asIs);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('overwrite');
  });

  it('given a missing input or an output it cannot write, says so and exits 2', async () => {
    const missing = await tongban('reengineer', 'no-such-file.bpmn', '-o', join(dir, 'x.bpmn'));
    const unwritable = await tongban('reengineer', asIs, '-o', join(dir, 'no-such-dir', 'x.bpmn'));

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-file.bpmn');
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('无法写入文件');
  });
});
