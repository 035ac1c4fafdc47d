/**
 * Acceptance: a service task calls its connector as a scheduler job against
 * the real demo exchange. A source that answers 500 is retried with
 * back-off, then becomes an incident an administrator retries once the
 * source is back; the result lands in the application with its provenance.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@tongban/engine/testing';
import { REPO_ROOT } from '../support/harness.js';
import { adjustConnector, COMPANY, declarationOf, startWithExchange, type ExchangeServer } from './support.js';

const LOOKUP = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tb="urn:tongban:schema:bpmn:1.0" id="defs" targetNamespace="urn:tongban:test">
  <bpmn:error id="err_not_found" name="无登记" errorCode="NOT_FOUND"/>
  <bpmn:process id="entity_check" name="主体核验" isExecutable="true">
    <bpmn:startEvent id="start" name="申请"/>
    <bpmn:serviceTask id="lookup" name="调取法人基础信息" tb:connector="legal-entity" tb:input="{creditCode: company.creditCode}" tb:resultVariable="registry"/>
    <bpmn:boundaryEvent id="not_found" name="无登记" attachedToRef="lookup"><bpmn:errorEventDefinition errorRef="err_not_found"/></bpmn:boundaryEvent>
    <bpmn:userTask id="review" name="核验" tb:department="market" tb:timeLimit="1wd"/>
    <bpmn:userTask id="manual" name="人工核实" tb:department="market" tb:timeLimit="1wd"/>
    <bpmn:endEvent id="end" name="办结"/>
    <bpmn:endEvent id="end_manual" name="人工办结"/>
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="lookup"/>
    <bpmn:sequenceFlow id="f1" sourceRef="lookup" targetRef="review"/>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
    <bpmn:sequenceFlow id="f3" sourceRef="not_found" targetRef="manual"/>
    <bpmn:sequenceFlow id="f4" sourceRef="manual" targetRef="end_manual"/>
  </bpmn:process>
</bpmn:definitions>`;

let t: ExchangeServer;
let clock: FakeClock;
let processesDir: string;

beforeEach(async () => {
  clock = new FakeClock('2026-03-02T01:00:00.000Z');
  processesDir = mkdtempSync(join(tmpdir(), 'tongban-only-connectors-'));
  // The demo connectors, without the demo processes.
  cpSync(join(REPO_ROOT, 'processes', 'connectors'), join(processesDir, 'connectors'), { recursive: true });
  t = await startWithExchange({ clock, processesDir, env: { TONGBAN_PROCESSES_DIR: processesDir } });
  await t.server.services.runtime.deploy(LOOKUP);
});
afterEach(async () => {
  await t.dispose();
  rmSync(processesDir, { recursive: true, force: true });
});

async function start(creditCode: string) {
  const instance = await t.server.services.runtime.start('entity_check', { variables: { company: { creditCode } } });
  const [job] = await t.server.services.store.listPendingJobs(10);
  return { instanceId: instance.id, jobId: job!.id };
}

function jobRow(id: string) {
  return t.server.services.db.prepare('SELECT status, attempts, next_attempt_at FROM jobs WHERE id = ?').get(id) as { status: string; attempts: number; next_attempt_at: string | null };
}

describe('a service task calling the demo exchange', () => {
  it('stores the declared fields in its result variable, with the source of each', async () => {
    const { instanceId } = await start(COMPANY);

    expect((await t.server.scheduler.runOnce()).jobsRun).toBe(1);

    const variables = await t.server.services.runtime.getVariables(instanceId);
    expect(variables.registry).toMatchObject({ creditCode: COMPANY, status: '存续' });
    const manager = await t.server.signIn('manager');
    const detail = await manager.get<{ provenance: Record<string, { origin: string; connectorId: string; correlationId: string }> }>(`/api/instances/${instanceId}`);
    expect(detail.body.provenance['registry.name']).toMatchObject({ origin: 'service-task', connectorId: 'legal-entity' });
    expect(detail.body.provenance['registry.legalRepresentativeId']?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes the NOT_FOUND error path when the registry has no such entity', async () => {
    const { instanceId } = await start('91350100M000100Y43');

    await t.server.scheduler.runOnce();

    const open = await t.server.services.store.listTasks({ instanceId, status: 'open' });
    expect(open.map((task) => task.elementId)).toEqual(['manual']);
  });

  it('retries a source that answers 500, raises an incident, and completes when an administrator retries after the fix', async () => {
    const declaration = await declarationOf(t.server, 'legal-entity');
    await adjustConnector(t.server, 'legal-entity', (d) => ({ ...d, headers: { ...(d.headers as object), 'X-Demo-Fail': { value: '500' } } }));
    const { instanceId, jobId } = await start(COMPANY);

    for (let i = 0; i < 6; i++) {
      await t.server.scheduler.runOnce();
      const next = jobRow(jobId).next_attempt_at;
      if (next) clock.set(next);
    }

    expect(jobRow(jobId)).toMatchObject({ status: 'pending', attempts: 5, next_attempt_at: null });
    const admin = await t.server.signIn('admin');
    const incidents = await admin.get<{ items: { id: string; targetId: string; message: string }[] }>('/api/incidents');
    expect(incidents.body.items).toEqual([expect.objectContaining({ targetId: jobId, message: expect.stringContaining('legal-entity: connector/http-server-error') })]);

    const { id: _id, ...fixed } = declaration;
    expect((await admin.put('/api/connectors/legal-entity', fixed)).status).toBe(200);
    expect((await admin.post(`/api/incidents/${incidents.body.items[0]!.id}/retry`)).status).toBe(200);
    expect((await t.server.scheduler.runOnce()).jobsRun).toBe(1);

    const open = await t.server.services.store.listTasks({ instanceId, status: 'open' });
    expect(open.map((task) => task.elementId)).toEqual(['review']);
  });
});
