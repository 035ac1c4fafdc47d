import { describe, expect, it } from 'vitest';
import { createModdle, tbDescriptor } from '../../src/index.js';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tb="urn:tongban:schema:bpmn:1.0" id="d">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:laneSet><bpmn:lane id="lane" tb:department="market" /></bpmn:laneSet>
    <bpmn:startEvent id="start" tb:form="apply">
      <bpmn:extensionElements>
        <tb:prefill connector="person" input="id=\${applicant.citizenId}" fields="name:applicant.name" />
      </bpmn:extensionElements>
    </bpmn:startEvent>
    <bpmn:userTask id="t" tb:department="tax" tb:itemCode="X1" tb:legalTimeLimit="20wd" tb:timeLimit="1wd" tb:form="f" tb:countersign="ratio" tb:passRatio="0.5">
      <bpmn:extensionElements>
        <tb:prefill connector="legal-entity" input="uscc=\${applicant.uscc}" fields="name:company.name" />
        <tb:reads>company.name</tb:reads>
        <tb:writes>tax.registered</tb:writes>
      </bpmn:extensionElements>
      <bpmn:multiInstanceLoopCharacteristics tb:collection="signers" tb:elementVariable="who" />
    </bpmn:userTask>
    <bpmn:serviceTask id="s" tb:connector="c" tb:input="{a: 1}" tb:resultVariable="r" />
    <bpmn:businessRuleTask id="b"><bpmn:extensionElements><tb:decision resultVariable="d">a &gt; 1</tb:decision></bpmn:extensionElements></bpmn:businessRuleTask>
    <bpmn:callActivity id="c" calledElement="child" tb:version="2" />
  </bpmn:process>
</bpmn:definitions>`;

describe('the tb: moddle descriptor', () => {
  it('declares the fixed namespace and prefix', () => {
    expect(tbDescriptor).toMatchObject({ prefix: 'tb', uri: 'urn:tongban:schema:bpmn:1.0' });
  });

  it('lets bpmn-moddle read every tb: attribute and element without a warning', async () => {
    // given the moddle the linter and designer share
    const moddle = createModdle();

    // when a diagram using every extension is read
    const { warnings, elementsById } = await moddle.fromXML(XML);

    // then nothing is unknown, and the values are typed properties
    expect(warnings).toEqual([]);
    expect(elementsById['t']).toMatchObject({ department: 'tax', itemCode: 'X1', legalTimeLimit: '20wd', timeLimit: '1wd', form: 'f', countersign: 'ratio', passRatio: 0.5 });
    expect(elementsById['lane']).toMatchObject({ department: 'market' });
    expect(elementsById['start']).toMatchObject({ form: 'apply' });
    expect(elementsById['s']).toMatchObject({ connector: 'c', input: '{a: 1}', resultVariable: 'r' });
    expect(elementsById['c']).toMatchObject({ version: '2' });
  });

  it('writes what it read back to XML, so the designer round-trips the extension', async () => {
    const moddle = createModdle();
    const { rootElement } = await moddle.fromXML(XML);

    const { xml } = await moddle.toXML(rootElement);
    const again = await createModdle().fromXML(xml);

    expect(again.warnings).toEqual([]);
    for (const fragment of [
      'tb:department="tax"', 'tb:passRatio="0.5"', 'tb:collection="signers"', 'tb:elementVariable="who"', 'tb:version="2"', '<bpmn:startEvent id="start" tb:form="apply">', '<tb:prefill connector="person"',
      '<tb:prefill connector="legal-entity"', '<tb:reads>company.name</tb:reads>', '<tb:decision resultVariable="d">a &gt; 1</tb:decision>',
    ]) expect(xml).toContain(fragment);
  });
});
