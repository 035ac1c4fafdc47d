import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../http/server-process.js';

/** The five connectors the benchmark's start form binds, and how each is called directly for the baseline. */
export const SOURCES = [
  { connector: 'population', input: 'citizenId=${applicant.citizenId}', path: (p: string) => `/population/persons/${p}` },
  { connector: 'social-insurance', input: 'citizenId=${applicant.citizenId}', path: (p: string) => `/social-insurance/${p}` },
  { connector: 'real-estate', input: 'owner=${applicant.citizenId}', path: (p: string) => `/real-estate?owner=${p}` },
  { connector: 'legal-entity', input: 'creditCode=${company.creditCode}', path: (_p: string, e: string) => `/legal-entities/${e}` },
  { connector: 'e-licence', input: 'holder=${company.creditCode}', path: (_p: string, e: string) => `/e-licences?holder=${e}` },
] as const;

export const PROCESS_ID = 'bench_prefill';

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tb="urn:tongban:schema:bpmn:1.0" id="d" targetNamespace="urn:tongban:bench">
  <bpmn:process id="${PROCESS_ID}" name="预填基准" isExecutable="true">
    <bpmn:startEvent id="start" name="受理" tb:form="bench">
      <bpmn:extensionElements>
${SOURCES.map((s) => `        <tb:prefill connector="${s.connector}" input="${s.input}" />`).join('\n')}
      </bpmn:extensionElements>
    </bpmn:startEvent>
    <bpmn:userTask id="accept" name="综合窗口受理" tb:department="front-desk" tb:timeLimit="1wd"/>
    <bpmn:endEvent id="end" name="办结"/>
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="accept"/>
    <bpmn:sequenceFlow id="f1" sourceRef="accept" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>
`;

/**
 * A processes folder of its own: the demo connectors with their cache
 * turned off (every prefill reaches the sources, as a first visit does),
 * and a start form bound to five of them.
 */
export function benchProcessesDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-prefill-'));
  const connectors = join(dir, 'connectors');
  mkdirSync(connectors);
  const source = join(repoRoot, 'processes', 'connectors');
  for (const file of readdirSync(source).filter((f) => f.endsWith('.json'))) {
    const declaration = JSON.parse(readFileSync(join(source, file), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(connectors, file), JSON.stringify({ ...declaration, cacheTtlMs: 0 }));
  }
  mkdirSync(join(dir, 'bench-prefill'));
  writeFileSync(join(dir, 'bench-prefill', 'process.bpmn'), BPMN);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

