import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowToXml, readSimpleFlow, type SimpleFlow } from '../src/modeler/simple';
import { checkDiagram } from '../src/modeler/check';

const SAMPLE = join(import.meta.dirname, '..', '..', 'processes', 'enterprise-startup');

const twoStages: SimpleFlow = {
  processId: 'permit',
  name: '开办餐馆',
  stages: [
    { items: [{ id: 'Task_accept', name: '综合窗口受理', department: 'front-desk', itemCode: '', legalTimeLimit: undefined, timeLimit: '4wh' }] },
    {
      items: [
        { id: 'Task_food', name: '食品经营许可', department: 'market', itemCode: 'F-1', legalTimeLimit: '20wd', timeLimit: '5wd' },
        { id: 'Task_fire', name: '消防检查', department: 'fire', itemCode: '', legalTimeLimit: '10wd', timeLimit: '3wd' },
      ],
    },
  ],
};

describe('the simple mode', () => {
  it('generates laid-out, block-structured BPMN that reads back as the same stages', async () => {
    const xml = await flowToXml(twoStages);
    expect(xml).toContain('bpmndi:BPMNShape');
    expect(await readSimpleFlow(xml)).toEqual({ flow: twoStages });
  });

  it('generates a diagram the engine accepts, with the parallel stage as the slowest branch', async () => {
    const { problems, analysis } = await checkDiagram(await flowToXml(twoStages));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(analysis?.toBe.workingDays).toBeCloseTo(4 / 7 + 5);
    expect(analysis?.asIs.workingDays).toBeCloseTo(4 / 7 + 30);
  });

  it('reads the sample (one fork of six items between two single items) as three stages', async () => {
    const reading = await readSimpleFlow(readFileSync(join(SAMPLE, 'process.bpmn'), 'utf8'));
    expect('flow' in reading && reading.flow.stages.map((s) => s.items.length)).toEqual([1, 6, 1]);
  });

  it('reads a new diagram with only a start event as no stages', async () => {
    const xml = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t"><bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="S"/></bpmn:process></bpmn:definitions>';
    expect(await readSimpleFlow(xml)).toEqual({ flow: { processId: 'p', name: '', stages: [] } });
  });

  it('names the element where a diagram stops fitting the stages', async () => {
    const xml = (await flowToXml(twoStages)).replace('<bpmn:parallelGateway id="Gateway_stage2_fork"', '<bpmn:exclusiveGateway id="Gateway_stage2_fork"').replace(/<\/bpmn:parallelGateway>(\s*<bpmn:parallelGateway id="Gateway_stage2_join")/, '</bpmn:exclusiveGateway>$1');
    const reading = await readSimpleFlow(xml);
    expect(reading).toEqual({ elementId: 'Gateway_stage2_fork', reason: 'shape' });
  });
});
