import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDefinitions } from '../src/modeler/diff';

const sample = readFileSync(join(import.meta.dirname, '..', '..', 'processes', 'enterprise-startup', 'process.bpmn'), 'utf8');

describe('the version diff', () => {
  it('finds nothing between a diagram and itself, nor when only the layout moved', async () => {
    expect(await diffDefinitions(sample, sample)).toEqual({ added: [], removed: [], changed: [] });
    const moved = sample.replace(/<dc:Bounds x="(\d+)"/, (_m, x: string) => `<dc:Bounds x="${Number(x) + 40}"`);
    expect(moved).not.toBe(sample);
    expect(await diffDefinitions(sample, moved)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('marks a changed tb: attribute and name as changed', async () => {
    const newer = sample.replace('tb:department="tax" ', 'tb:department="market" ').replace('name="公章刻制备案"', 'name="公章刻制"');
    const diff = await diffDefinitions(sample, newer);
    expect(diff.changed.sort()).toEqual(['Task_seal', 'Task_tax']);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('marks a task and its flows added in one direction and removed in the other', async () => {
    const older = sample
      .replace(/<bpmn:userTask id="Task_fund"[\s\S]*?<\/bpmn:userTask>/, '')
      .replace(/<bpmn:sequenceFlow id="Flow_(to|from)_Task_fund"[^>]*\/>/g, '');
    const forward = await diffDefinitions(older, sample);
    expect(forward.added.sort()).toEqual(['Flow_from_Task_fund', 'Flow_to_Task_fund', 'Task_fund']);
    expect(forward.removed).toEqual([]);
    const backward = await diffDefinitions(sample, older);
    expect(backward.removed.sort()).toEqual(['Flow_from_Task_fund', 'Flow_to_Task_fund', 'Task_fund']);
  });

  it('marks a flow whose target moved as changed', async () => {
    const newer = sample.replace('<bpmn:sequenceFlow id="Flow_joined" sourceRef="Gateway_join" targetRef="Task_deliver" />', '<bpmn:sequenceFlow id="Flow_joined" sourceRef="Gateway_join" targetRef="EndEvent_done" />');
    expect(newer).not.toBe(sample);
    expect((await diffDefinitions(sample, newer)).changed).toContain('Flow_joined');
  });
});
