/**
 * The diagrams the benchmark runs, generated so both engines read the same
 * XML: stages of `fork → N parallel department tasks → join → review task`,
 * between a start and an end event, with DI so it is what a designer saves.
 * One stage of six is the "one thing" shape (7 tasks); fifty stages of nine
 * make the 500-task model. bpmn-engine ignores the `tb:` attributes.
 */
export interface StagedModel {
  readonly processId: string;
  readonly xml: string;
  readonly taskCount: number;
}

const DEPARTMENTS = ['market', 'police', 'tax', 'hrss', 'medical-insurance', 'housing-fund', 'natural-resources', 'housing', 'ecology'];
const TASK_NAMES = ['营业执照办理', '公章刻制备案', '涉税事项办理', '社会保险登记', '医疗保险登记', '住房公积金缴存登记', '不动产登记', '施工许可', '环评审批'];

const TASK_W = 100;
const TASK_H = 80;
const ROW = 100;
const STAGE_W = 520;

export function stagedModel(stages: number, width: number): StagedModel {
  const processId = `bench_${stages}x${width}`;
  const diagram = new DiagramWriter();
  const midY = 40 + (width * ROW) / 2;

  diagram.node('Start', 'startEvent', 'name="受理"', [100, midY - 18, 36, 36]);
  let previous = 'Start';
  let previousRight = 136;
  for (let s = 0; s < stages; s++) {
    const x0 = 200 + s * STAGE_W;
    const fork = `Fork_${s}`;
    const join = `Join_${s}`;
    const review = `Task_${s}_review`;
    diagram.node(fork, 'parallelGateway', `name="并联${s + 1}"`, [x0, midY - 25, 50, 50]);
    diagram.node(join, 'parallelGateway', `name="汇合${s + 1}"`, [x0 + 250, midY - 25, 50, 50]);
    diagram.flow(`Flow_${s}_in`, previous, fork, [[previousRight, midY], [x0, midY]]);
    for (let i = 0; i < width; i++) {
      const id = `Task_${s}_${i}`;
      const y = 40 + i * ROW;
      const cy = y + TASK_H / 2;
      diagram.node(id, 'userTask', taskAttributes(TASK_NAMES[i % TASK_NAMES.length]!, DEPARTMENTS[i % DEPARTMENTS.length]!), [x0 + 100, y, TASK_W, TASK_H]);
      diagram.flow(`Flow_${s}_${i}_a`, fork, id, [[x0 + 25, midY], [x0 + 25, cy], [x0 + 100, cy]]);
      diagram.flow(`Flow_${s}_${i}_b`, id, join, [[x0 + 200, cy], [x0 + 275, cy], [x0 + 275, midY]]);
    }
    diagram.node(review, 'userTask', taskAttributes('统一出件', 'front-desk'), [x0 + 340, midY - TASK_H / 2, TASK_W, TASK_H]);
    diagram.flow(`Flow_${s}_out`, join, review, [[x0 + 300, midY], [x0 + 340, midY]]);
    previous = review;
    previousRight = x0 + 340 + TASK_W;
  }
  const endX = 200 + stages * STAGE_W;
  diagram.node('End', 'endEvent', 'name="办结"', [endX, midY - 18, 36, 36]);
  diagram.flow('Flow_end', previous, 'End', [[previousRight, midY], [endX, midY]]);
  return { processId, xml: diagram.xml(processId, `基准流程 ${stages}×${width}`), taskCount: stages * (width + 1) };
}

const taskAttributes = (name: string, department: string) =>
  `name="${name}" tb:department="${department}" tb:legalTimeLimit="20wd" tb:timeLimit="1wd"`;

type Bounds = readonly [x: number, y: number, width: number, height: number];
type Point = readonly [x: number, y: number];

/** Collects nodes, flows and their DI; writes `incoming`/`outgoing` as bpmn-js does. */
class DiagramWriter {
  private readonly nodes = new Map<string, { tag: string; attributes: string; incoming: string[]; outgoing: string[] }>();
  private readonly flows: string[] = [];
  private readonly shapes: string[] = [];
  private readonly edges: string[] = [];

  node(id: string, tag: string, attributes: string, [x, y, w, h]: Bounds): void {
    this.nodes.set(id, { tag, attributes, incoming: [], outgoing: [] });
    this.shapes.push(`      <bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}">\n        <dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" />\n      </bpmndi:BPMNShape>`);
  }

  flow(id: string, from: string, to: string, points: readonly Point[]): void {
    this.nodes.get(from)!.outgoing.push(id);
    this.nodes.get(to)!.incoming.push(id);
    this.flows.push(`    <bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`);
    const waypoints = points.map(([x, y]) => `        <di:waypoint x="${x}" y="${y}" />`).join('\n');
    this.edges.push(`      <bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">\n${waypoints}\n      </bpmndi:BPMNEdge>`);
  }

  xml(processId: string, name: string): string {
    const nodes = [...this.nodes].map(([id, { tag, attributes, incoming, outgoing }]) => [
      `    <bpmn:${tag} id="${id}" ${attributes}>`,
      ...incoming.map((flow) => `      <bpmn:incoming>${flow}</bpmn:incoming>`),
      ...outgoing.map((flow) => `      <bpmn:outgoing>${flow}</bpmn:outgoing>`),
      `    </bpmn:${tag}>`,
    ].join('\n'));
    return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:tb="urn:tongban:schema:bpmn:1.0" id="Definitions_${processId}" targetNamespace="urn:tongban:bench">
  <bpmn:process id="${processId}" name="${name}" isExecutable="true">
${nodes.join('\n')}
${this.flows.join('\n')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${processId}">
    <bpmndi:BPMNPlane id="Plane_${processId}" bpmnElement="${processId}">
${this.shapes.join('\n')}
${this.edges.join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
  }
}

/** start → 6 parallel department tasks → join → final task → end. */
export const oneThingModel = (): StagedModel => stagedModel(1, 6);

/** 50 stages of 9 parallel tasks and a review task: 500 user tasks. */
export const largeModel = (): StagedModel => stagedModel(50, 9);
