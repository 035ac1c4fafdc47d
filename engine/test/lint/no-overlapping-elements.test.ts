import fc from 'fast-check';
import { Linter, type RuleFactory } from 'bpmnlint';
import original from 'bpmnlint/rules/no-overlapping-elements.js';
import { describe, expect, it } from 'vitest';
import { createModdle } from '../../src/index.js';
import replacement from '../../src/lint/bpmnlint-overrides/no-overlapping-elements.js';

const shape = fc.record({ x: fc.integer({ min: 0, max: 600 }), y: fc.integer({ min: 0, max: 400 }), w: fc.integer({ min: 10, max: 120 }), h: fc.integer({ min: 10, max: 90 }) });

/** A process with tasks, one expanded sub-process with tasks, and a boundary event, laid out at random. */
function diagram(tasks: { x: number; y: number; w: number; h: number }[], inner: typeof tasks, sub: (typeof tasks)[number], boundaryOn: number): string {
  const el: string[] = [];
  const di: string[] = [];
  const bounds = (id: string, b: (typeof tasks)[number], extra = '') =>
    di.push(`<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${extra}><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}"/></bpmndi:BPMNShape>`);
  tasks.forEach((b, i) => { el.push(`<bpmn:task id="t${i}"/>`); bounds(`t${i}`, b); });
  el.push(`<bpmn:subProcess id="sub">${inner.map((_, i) => `<bpmn:task id="s${i}"/>`).join('')}</bpmn:subProcess>`);
  bounds('sub', sub, ' isExpanded="true"');
  inner.forEach((b, i) => bounds(`s${i}`, b));
  if (tasks.length > 0) {
    const host = tasks[boundaryOn % tasks.length]!;
    el.push(`<bpmn:boundaryEvent id="b1" attachedToRef="t${boundaryOn % tasks.length}"/>`);
    bounds('b1', { x: host.x + host.w - 18, y: host.y + host.h - 18, w: 36, h: 36 });
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d">
<bpmn:process id="p">${el.join('')}</bpmn:process>
<bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="p">${di.join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

async function reports(rule: RuleFactory, xml: string): Promise<string[]> {
  const { rootElement } = await createModdle().fromXML(xml);
  const linter = new Linter({ config: { rules: { 'no-overlapping-elements': 'error' } }, resolver: { resolveRule: () => rule, resolveConfig: () => undefined } });
  const results = await linter.lint(rootElement);
  return (results['no-overlapping-elements'] ?? []).map((r) => `${r.id} ${r.message}`).sort();
}

describe('no-overlapping-elements (sweep implementation)', () => {
  it('reports exactly what bpmnlint’s own rule reports, on random layouts', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(shape, { maxLength: 12 }), fc.array(shape, { maxLength: 5 }), shape, fc.nat(),
      async (tasks, inner, sub, boundaryOn) => {
        const xml = diagram(tasks, inner, sub, boundaryOn);
        expect(await reports(replacement, xml)).toEqual(await reports(original, xml));
      },
    ), { numRuns: 150 });
  });
});
