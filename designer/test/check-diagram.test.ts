import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDiagram, checkUpload } from '../src/modeler/check';
import { reengineerDiagram } from '../src/modeler/reengineer';

const SAMPLE = join(import.meta.dirname, '..', '..', 'processes', 'enterprise-startup');
const toBe = readFileSync(join(SAMPLE, 'process.bpmn'), 'utf8');
const asIs = readFileSync(join(SAMPLE, 'as-is.bpmn'), 'utf8');

describe('the live check', () => {
  it('finds no error in the sample and analyses it', async () => {
    const { problems, analysis } = await checkDiagram(toBe);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(analysis?.processId).toBe('open_company');
    expect(analysis?.compressionRatio).toBeGreaterThan(0.5);
    expect(analysis?.criticalPath).toContain('Task_accept');
    expect(Object.keys(analysis?.slack ?? {})).toContain('Task_seal');
  });

  it('reports a task without a department with its element id, as the server would', async () => {
    const { problems } = await checkDiagram(toBe.replace('tb:department="tax" ', ''));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'tb/user-task-department', elementId: 'Task_tax', severity: 'error' }));
  });

  it('gives the to-be duration of the slowest parallel branch', async () => {
    const before = (await checkDiagram(toBe)).analysis!;
    const after = (await checkDiagram(toBe.replace('tb:legalTimeLimit="20wd" tb:timeLimit="1wd">', 'tb:legalTimeLimit="20wd" tb:timeLimit="9wd">'))).analysis!;
    expect(after.toBe.workingDays - before.toBe.workingDays).toBeCloseTo(8);
    expect(after.compressionRatio).toBeLessThan(before.compressionRatio);
  });
});

describe('an uploaded file', () => {
  it('opens when it is BPMN, even with lint problems to fix', async () => {
    expect(await checkUpload(toBe.replace('tb:department="tax" ', ''))).toEqual({ ok: true, problems: [] });
  });

  it('is refused with the element id when two elements share an id', async () => {
    const result = await checkUpload(toBe.replace('id="Task_seal"', 'id="Task_market"'));
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'xml/duplicate-id', elementId: 'Task_market' }));
  });

  it.each([
    ['entity declarations', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "xxxx">]><d>&x;</d>`, 'xml/doctype'],
    ['broken XML', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">', 'xml/malformed'],
    ['an empty file', '', 'xml/empty'],
  ])('is refused when it holds %s', async (_what, text, code) => {
    const result = await checkUpload(text);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toContain(code);
  });
});

describe('re-engineering the diagram', () => {
  it('turns the serial as-is sample into a laid-out parallel to-be diagram', async () => {
    const result = await reengineerDiagram(asIs);
    expect(result.processId).toBe('open_company_as_is_to_be');
    expect(result.xml).toContain('parallelGateway');
    expect(result.xml).toContain('BPMNShape');
    expect(result.prediction?.compressionRatio).toBeGreaterThan(0.5);
  });

  it('explains why when the diagram has no executable process', async () => {
    const result = await reengineerDiagram(asIs.replace('isExecutable="true"', 'isExecutable="false"'));
    expect(result.xml).toBeUndefined();
    expect(result.problems.map((p) => p.code)).toEqual(['reengineer/no-process']);
  });
});
