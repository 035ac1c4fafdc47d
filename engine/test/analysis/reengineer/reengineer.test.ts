import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDefinition, parseBpmn, type FlowNode, type ProcessModel } from '../../../src/index.js';
import { reengineer } from '../../../src/analysis/reengineer/index.js';
import { ModelBuilder } from '../../../src/testing/index.js';
import { drive } from '../../helpers/drive.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const example = read('../../../examples/open-company-as-is.bpmn');

async function modelOf(xml: string): Promise<ProcessModel> {
  const parsed = await parseBpmn(xml);
  expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return parsed.processes[0]!;
}

/** start → the tasks in a row → end, each task reading and writing as given. */
function serial(tasks: Record<string, { reads?: string[]; writes?: string[] }>): ModelBuilder {
  const builder = new ModelBuilder('asis').node({ kind: 'startEvent', id: 'start', trigger: 'none' });
  for (const [id, access] of Object.entries(tasks)) builder.userTask(id, { department: 'd', timeLimit: '1wd', ...access });
  return builder.node({ kind: 'endEvent', id: 'end', result: 'none' });
}

describe('reengineer the 企业开办 as-is example', () => {
  it('stages the tasks by their data: after registration, five departments work in parallel', async () => {
    const result = await reengineer(await modelOf(example));

    expect(result.problems).toEqual([]);
    expect(result.stages).toEqual([
      ['Task_accept'],
      ['Task_market'],
      ['Task_seal', 'Task_tax', 'Task_social', 'Task_medical', 'Task_fund'],
      ['Task_bank'],
      ['Task_issue'],
    ]);
  });

  it('emits a to-be that loads without errors, has DI, and runs to its end', async () => {
    const { xml } = await reengineer(await modelOf(example));

    expect(xml).toContain('<bpmn:process id="open_company_as_is_to_be"');
    expect(xml).toContain('isExecutable="true"');
    expect(xml).toContain('xmlns:tb="urn:tongban:schema:bpmn:1.0"');
    expect(xml).toContain('<bpmndi:BPMNShape id="Task_tax_di" bpmnElement="Task_tax">');
    const loaded = await loadDefinition(xml!);
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(loaded.ok).toBe(true);

    const log = drive(loaded.processes[0]!, {});
    expect(log.last.status).toBe('completed');
    expect(log.opened).toHaveLength(9);
    expect(log.opened.indexOf('Task_bank')).toBeGreaterThan(log.opened.indexOf('Task_seal'));
  });

  it('predicts the compression: the to-be critical path of promised limits is far below the serial legal sum', async () => {
    const { prediction } = await reengineer(await modelOf(example), { hoursPerDay: 8 });

    expect(prediction).toBeDefined();
    // 5 + 3 + 20 + 20 + 10 + 10 + 20 + 20 + 1 legal working days one after the other.
    expect(prediction!.asIsWorkingDays).toBe(109);
    // 4wh + 1wd + max(4wh, 1wd, …) + 1wd + 4wh promised, in an 8-hour working day.
    expect(prediction!.toBeWorkingDays).toBe(4);
    expect(prediction!.toBeWorkingDays).toBeLessThan(prediction!.asIsWorkingDays);
    expect(prediction!.compressionRatio).toBeCloseTo(1 - 4 / 109, 10);
    expect(prediction!.criticalPath).toEqual(expect.arrayContaining(['Task_market', 'Task_bank']));
  });
});

describe('reengineer keeps every tb: attribute', () => {
  it('given tasks with every attribute and extension element, reads each to-be task back as the same task', async () => {
    const asIs = await modelOf(read('fixtures/every-attribute.bpmn'));
    const result = await reengineer(asIs);

    expect(result.stages).toEqual([['Task_full', 'Task_laned', 'Task_condition', 'Task_plain'], ['Task_vote', 'Task_lookup'], ['Task_rule']]);
    const toBe = await modelOf(result.xml!);
    const withoutLinks = ({ incoming: _i, outgoing: _o, ...rest }: FlowNode) => rest;
    for (const node of asIs.scope.nodes.values()) {
      expect(withoutLinks(toBe.scope.nodes.get(node.id)!), node.id).toEqual(withoutLinks(node));
    }
    expect(toBe.scope.nodes.get('Task_laned')).toMatchObject({ department: 'market' });
    expect((await loadDefinition(result.xml!)).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('reengineer refuses what is not a serial chain', () => {
  it('given an exclusive gateway in the chain, names the gateway', async () => {
    const model = serial({ a: {} }).node({ kind: 'exclusiveGateway', id: 'choice' }).userTask('b').chain('start', 'a', 'choice', 'b', 'end').build();

    const result = await reengineer(model);

    expect(result.xml).toBeUndefined();
    expect(result.problems).toEqual([expect.objectContaining({ code: 'reengineer/not-serial', severity: 'error', elementId: 'choice' })]);
  });

  it('given a task with two outgoing flows, names the task', async () => {
    const model = serial({ a: {}, b: {} }).chain('start', 'a', 'b', 'end').flow('a', 'end').build();

    expect((await reengineer(model)).problems).toEqual([expect.objectContaining({ code: 'reengineer/not-serial', elementId: 'a' })]);
  });

  it('given a conditional flow, names the flow', async () => {
    const model = serial({ a: {} }).flow('start', 'a').flow('a', 'end', { id: 'guarded', condition: 'ok' }).build();

    expect((await reengineer(model)).problems).toEqual([expect.objectContaining({ code: 'reengineer/not-serial', elementId: 'guarded' })]);
  });

  it('given a task off the path from the start event, names it', async () => {
    const model = serial({ a: {}, stray: {} }).chain('start', 'a', 'end').build();

    expect((await reengineer(model)).problems).toEqual([expect.objectContaining({ code: 'reengineer/not-serial', elementId: 'stray' })]);
  });

  it('given a chain without tasks, says there is nothing to re-engineer', async () => {
    const model = serial({}).chain('start', 'end').build();

    expect((await reengineer(model)).problems).toEqual([expect.objectContaining({ code: 'reengineer/no-tasks', severity: 'error' })]);
  });
});

describe('reengineer warns where only data order is kept', () => {
  it('given two tasks writing the same path with nothing between them, puts them side by side and warns with both ids', async () => {
    const model = serial({ a: { writes: ['company.name'] }, b: { writes: ['company'] } }).chain('start', 'a', 'b', 'end').build();

    const result = await reengineer(model);

    expect(result.stages).toEqual([['a', 'b']]);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'reengineer/write-write', severity: 'warning', elementId: 'b', message: expect.stringContaining('a') })]);
    expect(result.xml).toBeDefined();
  });

  it('given a later task that overwrites what an earlier one reads, warns with both ids', async () => {
    const model = serial({ reader: { reads: ['seal.done'] }, writer: { writes: ['seal.done'] } }).chain('start', 'reader', 'writer', 'end').build();

    const result = await reengineer(model);

    expect(result.stages).toEqual([['reader', 'writer']]);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'reengineer/write-after-read', elementId: 'writer', messageEn: expect.stringContaining('reader') })]);
  });

  it('given a reader between two writers, keeps them in order and warns about nothing', async () => {
    const model = serial({ w1: { writes: ['x'] }, r: { reads: ['x'], writes: ['y'] }, w2: { reads: ['y'], writes: ['x'] } }).chain('start', 'w1', 'r', 'w2', 'end').build();

    const result = await reengineer(model);

    expect(result.stages).toEqual([['w1'], ['r'], ['w2']]);
    expect(result.problems).toEqual([]);
  });
});
