import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../src/index.js';

const xml = (taskAttributes: string, loop = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tb="urn:tongban:schema:bpmn:1.0" id="d">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s" name="开始"/>
    <bpmn:userTask id="sign" name="会签" tb:department="d" tb:timeLimit="1wd" ${taskAttributes}>${loop}</bpmn:userTask>
    <bpmn:endEvent id="e" name="结束"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sign"/>
    <bpmn:sequenceFlow id="f2" sourceRef="sign" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('loadDefinition', () => {
  it('compiles a clean diagram and reports no errors', async () => {
    const loaded = await loadDefinition(xml('tb:countersign="any"', '<bpmn:multiInstanceLoopCharacteristics tb:collection="signers"/>'));
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(loaded.processes.map((p) => p.processId)).toEqual(['p']);
  });

  it('says a countersign fault once, as the linter reports it', async () => {
    const loaded = await loadDefinition(xml('tb:countersign="most"', '<bpmn:multiInstanceLoopCharacteristics tb:collection="signers"/>'));
    const onTask = loaded.problems.filter((p) => p.elementId === 'sign').map((p) => p.code);
    expect(onTask).toContain('tb/countersign-valid');
    expect(onTask).not.toContain('model/invalid-countersign');
    expect(loaded.ok).toBe(false);
  });

  it('reports a file without an executable process', async () => {
    const loaded = await loadDefinition(xml('').replace('isExecutable="true"', 'isExecutable="false"'));
    expect(loaded.ok).toBe(false);
    expect(loaded.problems.map((p) => p.code)).toContain('definition/no-executable-process');
  });
});

describe('loadDefinition: positions', () => {
  it('gives lint and compile problems the line and column of their element', async () => {
    const loaded = await loadDefinition(xml('tb:countersign="most"', '<bpmn:multiInstanceLoopCharacteristics tb:collection="signers"/>'));
    const countersign = loaded.problems.find((p) => p.code === 'tb/countersign-valid');
    expect(countersign).toMatchObject({ elementId: 'sign', line: 5, column: 5 });
  });
});
