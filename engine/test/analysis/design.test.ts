import { describe, expect, it } from 'vitest';
import { analyseDesign, parseBpmn, type ProcessModel } from '../../src/index.js';
import { ModelBuilder } from '../../src/testing/index.js';
import { end, gateway, start, withProbabilities } from './support.js';

/**
 * A permit with nested blocks (office hours 7 h a day, so 7wh = 1wd):
 *
 *   start → A → P1 ┬ B → X1 ┬ C ┬ X2 ┐                   ┌ J1 → K → end
 *                  │        └ D ┘    │                   │
 *                  └ P2 ┬ E ───────┬ J2 ─────────────────┘
 *                       └ F → G ───┘
 *
 *   task  dept        promised         = wd   legal
 *   A     front-desk  7wh   7/7        1      2wd
 *   B     market      2wd              2      5wd
 *   C     fire        14cd  14·5/7     10     20wd   (X1 → C: p 0.25)
 *   D     fire        14wh  14/7       2      10wd   (X1 → D: p 0.75)
 *   E     police      3wd              3      20wd
 *   F     tax         3.5wh 3.5/7      0.5    3wd
 *   G     tax         1wd              1      5wd
 *   K     front-desk  3.5wh            0.5    —  (counts its promise, 0.5)
 */
function permit(): ProcessModel {
  const model = new ModelBuilder('permit')
    .node(start())
    .userTask('A', {
      department: 'front-desk', timeLimit: '7wh', legalTimeLimit: '2wd',
      prefill: [{ connector: 'legal-entity', fields: 'name:company.name,address:company.address' }],
    })
    .node(gateway('parallelGateway', 'P1'))
    .userTask('B', { department: 'market', timeLimit: '2wd', legalTimeLimit: '5wd', prefill: [{ connector: 'population', fields: 'legalPerson:applicant.name' }] })
    .node(gateway('exclusiveGateway', 'X1'))
    .userTask('C', { department: 'fire', timeLimit: '14cd', legalTimeLimit: '20wd' })
    .userTask('D', { department: 'fire', timeLimit: '14wh', legalTimeLimit: '10wd' })
    .node(gateway('exclusiveGateway', 'X2'))
    .node(gateway('parallelGateway', 'P2'))
    .userTask('E', { department: 'police', timeLimit: '3wd', legalTimeLimit: '20wd', prefill: [{ connector: 'legal-entity', fields: 'name:company.name' }] })
    .userTask('F', { department: 'tax', timeLimit: '3.5wh', legalTimeLimit: '3wd' })
    .userTask('G', { department: 'tax', timeLimit: '1wd', legalTimeLimit: '5wd' })
    .node(gateway('parallelGateway', 'J2'))
    .node(gateway('parallelGateway', 'J1'))
    .userTask('K', { department: 'front-desk', timeLimit: '3.5wh' })
    .node(end())
    .chain('start', 'A', 'P1', 'B', 'X1')
    .flow('X1', 'C', { id: 'toC', condition: 'inspect' })
    .flow('X1', 'D', { id: 'toD' })
    .chain('C', 'X2')
    .chain('D', 'X2', 'J1')
    .chain('P1', 'P2', 'E', 'J2')
    .chain('P2', 'F', 'G', 'J2', 'J1', 'K', 'end')
    .build();
  return withProbabilities(model, { toC: 0.25, toD: 0.75 });
}

describe('analyseDesign', () => {
  it('given nested parallel and exclusive blocks, finds the to-be critical path of the promised limits', () => {
    const analysis = analyseDesign(permit());

    // Branch B: 2 + max(C 10, D 2) = 12; branch P2: max(E 3, F 0.5 + G 1) = 3.
    // To-be = A 1 + max(12, 3) + K 0.5 = 13.5 working days.
    expect(analysis.toBe.workingDays).toBeCloseTo(13.5, 10);
    expect(analysis.criticalPath).toEqual(['A', 'B', 'C', 'K']);
    expect(analysis.criticalDepartments).toEqual(['front-desk', 'market', 'fire']);
  });

  it('weights exclusive branches by tb:probability for the expected duration', () => {
    const analysis = analyseDesign(permit());

    // Branch B expected: 2 + (0.25 · 10 + 0.75 · 2) = 2 + 2.5 + 1.5 = 6; max(6, 3) = 6.
    // Expected = 1 + 6 + 0.5 = 7.5 working days.
    expect(analysis.toBe.expectedWorkingDays).toBeCloseTo(7.5, 10);
  });

  it('adds the legal limits in series for the as-is duration and compares', () => {
    const analysis = analyseDesign(permit());

    // 2 + 5 + 20 + 10 + 20 + 3 + 5 + 0.5 (K has no legal limit: its promise) = 65.5.
    expect(analysis.asIs).toEqual({ workingDays: 65.5, basis: 'legal-serial-sum' });
    expect(analysis.missingLegalLimit).toEqual(['K']);
    expect(analysis.missingTimeLimit).toEqual([]);
    // 1 − 13.5 / 65.5 = 52 / 65.5 ≈ 0.79389; 65.5 / 13.5 ≈ 4.85185.
    expect(analysis.compressionRatio).toBeCloseTo(52 / 65.5, 10);
    expect(analysis.speedUp).toBeCloseTo(65.5 / 13.5, 10);
  });

  it('gives every task its slack: how far it can slip without delaying the whole', () => {
    const { slack } = analyseDesign(permit());

    // Earliest starts: A 0, B 1, C 3, D 3, E 1, F 1, G 1.5, K 13; end at 13.5.
    // Latest starts: C 13 − 10 = 3, D 13 − 2 = 11, E 13 − 3 = 10, G 13 − 1 = 12, F 12 − 0.5 = 11.5.
    // Slack = latest − earliest: D 8, E 9, F 10.5, G 10.5; A, B, C and K none.
    expect(Object.keys(slack)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'K']);
    expect(slack['A']).toBe(0);
    expect(slack['B']).toBe(0);
    expect(slack['C']).toBe(0);
    expect(slack['K']).toBe(0);
    expect(slack['D']).toBeCloseTo(8, 10);
    expect(slack['E']).toBeCloseTo(9, 10);
    expect(slack['F']).toBeCloseTo(10.5, 10);
    expect(slack['G']).toBeCloseTo(10.5, 10);
  });

  it('sums limits per department and marks those on the critical path', () => {
    const { perDepartment } = analyseDesign(permit());

    const rows = perDepartment.map((d) => [d.department, d.tasks, d.promisedWorkingDays, d.legalWorkingDays, d.onCriticalPath]);
    expect(rows).toEqual([
      ['front-desk', ['A', 'K'], 1.5, 2.5, true], // promised 1 + 0.5; legal 2 + 0.5
      ['market', ['B'], 2, 5, true],
      ['fire', ['C', 'D'], 12, 30, true], // 10 + 2; 20 + 10
      ['police', ['E'], 3, 20, false],
      ['tax', ['F', 'G'], 1.5, 8, false], // 0.5 + 1; 3 + 5
    ]);
  });

  it('counts prefilled fields and their connectors, and materials and visits saved', () => {
    const { prefill } = analyseDesign(permit(), { metadata: { materialsBefore: 17, materialsAfter: 5, visitsBefore: 4, visitsAfter: 1 } });

    // A: 2 fields, B: 1, E: 1 → 4; 17 − 5 = 12 materials, 4 − 1 = 3 visits.
    expect(prefill).toEqual({ fieldsPrefilled: 4, connectors: ['legal-entity', 'population'], materialsSaved: 12, visitsSaved: 3 });
  });

  it('without probabilities gives no expected duration, and office hours can be set', () => {
    const model = new ModelBuilder('p').node(start()).userTask('a', { timeLimit: '4wh', legalTimeLimit: '2wd' }).node(end()).chain('start', 'a', 'end').build();

    const analysis = analyseDesign(model, { hoursPerDay: 8 });

    // 4wh at 8 h a day = 0.5 wd; 1 − 0.5 / 2 = 0.75.
    expect(analysis.toBe).toEqual({ workingDays: 0.5 });
    expect(analysis.compressionRatio).toBe(0.75);
    expect(analysis.hoursPerDay).toBe(8);
  });

  it('nests sub-processes, counts timers, notes call activities and counts a loop once', () => {
    const inner = new ModelBuilder('S')
      .node(start('s0')).userTask('T1', { department: 'a', timeLimit: '1wd' })
      .node(gateway('parallelGateway', 'fork')).userTask('T2', { department: 'b', timeLimit: '2wd' }).userTask('T3', { department: 'c', timeLimit: '3.5wh' })
      .node(gateway('parallelGateway', 'join')).node(end('s9'))
      .chain('s0', 'T1', 'fork', 'T2', 'join', 's9').chain('fork', 'T3', 'join')
      .buildScope();
    const outer = (calledDurations?: Record<string, number>) => analyseDesign(new ModelBuilder('outer')
      .node(start())
      .node({ kind: 'subProcess', id: 'S', scope: inner })
      .node({ kind: 'timerCatch', id: 'wait', timer: { type: 'duration', value: 'P7D' } })
      .node({ kind: 'callActivity', id: 'L', calledElement: 'child', version: 'latest' })
      .userTask('R', { department: 'a', timeLimit: '1wd' })
      .node(gateway('exclusiveGateway', 'ok'))
      .node(end())
      .chain('start', 'S', 'wait', 'L', 'R', 'ok', 'end')
      .flow('ok', 'S', { id: 'back' })
      .build(), calledDurations === undefined ? {} : { calledDurations });

    const analysis = outer();
    // S: T1 1 + max(T2 2, T3 0.5) = 3; wait P7D = 7 · 5/7 = 5; L 0; R 1 → 9; the loop back counts once.
    expect(analysis.toBe.workingDays).toBeCloseTo(9, 10);
    expect(analysis.criticalPath).toEqual(['T1', 'T2', 'wait', 'R']);
    expect(analysis.slack['T3']).toBeCloseTo(1.5, 10); // 2 − 0.5
    expect(analysis.notes.map((n) => [n.code, n.elementId])).toEqual([
      ['analysis/loop-counted-once', 'back'],
      ['analysis/call-activity-not-counted', 'L'],
    ]);

    // With the called process's duration supplied: 9 + 4 = 13, and it joins the path.
    const known = outer({ child: 4 });
    expect(known.toBe.workingDays).toBeCloseTo(13, 10);
    expect(known.criticalPath).toEqual(['T1', 'T2', 'wait', 'L', 'R']);
  });

  it('takes the as-is duration from a serial as-is model when given one', () => {
    const asIsModel = new ModelBuilder('as-is')
      .node(start()).userTask('a1', { legalTimeLimit: '20wd' }).userTask('a2', { legalTimeLimit: '10wd' })
      .node(gateway('exclusiveGateway', 'x')).userTask('a3', { legalTimeLimit: '5wd' }).userTask('a4', { legalTimeLimit: '30cd', timeLimit: '5wd' })
      .node(gateway('exclusiveGateway', 'm')).userTask('a5', { timeLimit: '7wh' }).node(end())
      .chain('start', 'a1', 'a2', 'x', 'a3', 'm', 'a5', 'end').chain('x', 'a4', 'm')
      .build();

    const analysis = analyseDesign(permit(), { asIsModel });

    // 20 + 10 + max(5, 30 · 5/7 = 150/7) + a5's promise 1 = 31 + 150/7 ≈ 52.43.
    expect(analysis.asIs.basis).toBe('as-is-path');
    expect(analysis.asIs.workingDays).toBeCloseTo(31 + 150 / 7, 10);
    expect(analysis.missingLegalLimit).toEqual(['a5']);
    expect(analysis.compressionRatio).toBeCloseTo(1 - 13.5 / (31 + 150 / 7), 10);
  });

  it('reports limits it cannot read, with the element id, and counts what it can', () => {
    const model = new ModelBuilder('p')
      .node(start()).userTask('bad', { timeLimit: '5 days', legalTimeLimit: '10wd' }).userTask('none').node(end())
      .chain('start', 'bad', 'none', 'end').build();

    const analysis = analyseDesign(model);

    expect(analysis.problems.map((p) => [p.code, p.elementId])).toEqual([
      ['analysis/invalid-limit', 'bad'],
      ['analysis/no-limit', 'none'],
    ]);
    expect(analysis.problems[0]!.message).toContain('5 days');
    expect(analysis.toBe.workingDays).toBe(10); // the unreadable promise falls back to the legal limit
    expect(analysis.missingTimeLimit).toEqual(['bad', 'none']);
  });

  it('scales probabilities that do not add up to 1, and shares what is left among branches without one', () => {
    const base = () => new ModelBuilder('p')
      .node(start()).node(gateway('exclusiveGateway', 'x'))
      .userTask('a', { timeLimit: '10wd' }).userTask('b', { timeLimit: '2wd' }).userTask('c', { timeLimit: '4wd' })
      .node(gateway('exclusiveGateway', 'm')).node(end())
      .chain('start', 'x').flow('x', 'a', { id: 'fa' }).flow('x', 'b', { id: 'fb' }).flow('x', 'c', { id: 'fc' })
      .chain('a', 'm').chain('b', 'm').chain('c', 'm', 'end').build();

    // 0.5 given, b and c share 0.5: 0.5 · 10 + 0.25 · 2 + 0.25 · 4 = 6.5.
    const shared = analyseDesign(withProbabilities(base(), { fa: 0.5 }));
    expect(shared.toBe).toEqual({ workingDays: 10, expectedWorkingDays: 6.5 });
    expect(shared.problems).toEqual([]);

    // 1, 1 and 2 scaled to 0.25, 0.25, 0.5: 2.5 + 0.5 + 2 = 5, reported.
    const scaled = analyseDesign(withProbabilities(base(), { fa: 1, fb: 1, fc: 2 }));
    expect(scaled.toBe.expectedWorkingDays).toBeCloseTo(5, 10);
    expect(scaled.problems.map((p) => [p.code, p.elementId])).toEqual([['analysis/probability-sum', 'x']]);
  });

  it('reads tb:probability from the diagram', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tb="urn:tongban:schema:bpmn:1.0" id="d">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:exclusiveGateway id="x" default="f2" />
    <bpmn:userTask id="long" tb:department="d" tb:timeLimit="10wd" />
    <bpmn:userTask id="short" tb:department="d" tb:timeLimit="2wd" />
    <bpmn:exclusiveGateway id="m" />
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="x" />
    <bpmn:sequenceFlow id="f1" sourceRef="x" targetRef="long" tb:probability="0.2"><bpmn:conditionExpression>big</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f2" sourceRef="x" targetRef="short" />
    <bpmn:sequenceFlow id="f3" sourceRef="long" targetRef="m" />
    <bpmn:sequenceFlow id="f4" sourceRef="short" targetRef="m" tb:probability="abc" />
    <bpmn:sequenceFlow id="f5" sourceRef="m" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;

    const { processes, problems } = await parseBpmn(xml);

    expect(problems.map((p) => [p.code, p.elementId])).toEqual([['model/invalid-probability', 'f4']]);
    const process = processes[0]!;
    expect(process.scope.flows.get('f1')?.probability).toBe(0.2);
    expect(process.scope.flows.get('f4')).not.toHaveProperty('probability');
    // 0.2 · 10 + 0.8 · 2 = 3.6.
    expect(analyseDesign(process).toBe.expectedWorkingDays).toBeCloseTo(3.6, 10);
  });

  it('analyses a 500-task model of 50 parallel blocks (its speed is measured by pnpm bench:analysis)', () => {
    // 50 parallel blocks of 10 tasks in a row.
    const builder = new ModelBuilder('big').node(start()).node(end());
    let previous = 'start';
    for (let b = 0; b < 50; b++) {
      builder.node(gateway('parallelGateway', `f${b}`)).node(gateway('parallelGateway', `j${b}`)).chain(previous, `f${b}`);
      for (let t = 0; t < 10; t++) builder.userTask(`t${b}_${t}`, { department: `d${t}`, timeLimit: `${t + 1}wd`, legalTimeLimit: '20wd' }).chain(`f${b}`, `t${b}_${t}`, `j${b}`);
      previous = `j${b}`;
    }
    const analysis = analyseDesign(builder.chain(previous, 'end').build());

    expect(analysis.toBe.workingDays).toBe(500); // 50 blocks · slowest branch 10wd
    expect(analysis.asIs.workingDays).toBe(10_000); // 500 · 20wd
  });
});
