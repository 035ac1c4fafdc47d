import { readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import type { ModdlePackage } from 'bpmn-moddle';
import { expect, it } from 'vitest';
import { lintDefinitions } from '../../src/lint/index.js';
import type { Catalogue } from '../../src/lint/index.js';
import type { Problem } from '../../src/problems/index.js';

const attr = (name: string, type = 'String', defaultValue?: string) =>
  defaultValue === undefined ? { name, type, isAttr: true } : { name, type, isAttr: true, default: defaultValue };

/**
 * A minimal copy of the `tb:` descriptor (engine/src/model/tb-descriptor.ts)
 * with what the rules read, defaults included: `countersign` defaults to
 * `all`, which the rules must not mistake for a written attribute. A copy so
 * the lint tests do not depend on the model package while it changes.
 */
export const testTbDescriptor = {
  name: 'Tongban',
  prefix: 'tb',
  uri: 'urn:tongban:schema:bpmn:1.0',
  xml: { tagAlias: 'lowerCase' },
  types: [
    {
      name: 'ServiceItem',
      isAbstract: true,
      extends: ['bpmn:Task'],
      properties: [attr('department'), attr('itemCode'), attr('legalTimeLimit'), attr('timeLimit'), attr('form')],
    },
    { name: 'LaneDepartment', isAbstract: true, extends: ['bpmn:Lane'], properties: [attr('department')] },
    {
      name: 'Countersign',
      isAbstract: true,
      extends: ['bpmn:UserTask'],
      properties: [attr('countersign', 'String', 'all'), attr('passRatio', 'Real')],
    },
    { name: 'ConnectorTask', isAbstract: true, extends: ['bpmn:ServiceTask'], properties: [attr('connector'), attr('input')] },
    { name: 'Prefill', superClass: ['Element'], properties: [attr('connector'), attr('input'), attr('fields')] },
  ],
} as const satisfies ModdlePackage;

/** Every rule test runs twice: moddle with the `tb:` descriptor, and plain bpmn-moddle (`$attrs`). */
export const moddleModes = ['with tb descriptor', 'without tb descriptor'] as const;
export type ModdleMode = (typeof moddleModes)[number];

export function readFixture(path: string): string {
  return readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8');
}

export async function parseFixture(path: string, mode: ModdleMode = 'with tb descriptor'): Promise<unknown> {
  const moddle = mode === 'with tb descriptor' ? new BpmnModdle({ tb: testTbDescriptor }) : new BpmnModdle();
  const { rootElement } = await moddle.fromXML(readFixture(path));
  return rootElement;
}

export async function lintFixture(path: string, mode?: ModdleMode, catalogue?: Catalogue): Promise<Problem[]> {
  return lintDefinitions(await parseFixture(path, mode), catalogue ? { catalogue } : {});
}

export interface ExpectedReport {
  readonly id: string;
  readonly severity?: Problem['severity'];
  /** A part of the English message. */
  readonly says?: string;
}

export interface RuleCases {
  readonly valid: readonly string[];
  readonly invalid: readonly { readonly file: string; readonly reports: readonly ExpectedReport[] }[];
  /** Passed to every case, for rules that need a catalogue. */
  readonly catalogue?: Catalogue;
  readonly severity?: Problem['severity'];
}

/**
 * bpmnlint-style table: each valid fixture yields no problem of the rule,
 * each invalid fixture exactly the listed ones (code, severity, element, in
 * document order), with Chinese and English messages. Other rules' problems
 * are ignored: fixtures stay small (no diagram shapes).
 */
export function testRule(rule: string, cases: RuleCases): void {
  const code = `tb/${rule}`;
  const only = (problems: readonly Problem[]) => problems.filter((p) => p.code === code);
  for (const mode of moddleModes) {
    for (const file of cases.valid) {
      it(`accepts ${file} (${mode})`, async () => {
        expect(only(await lintFixture(`${rule}/${file}`, mode, cases.catalogue))).toEqual([]);
      });
    }
    for (const { file, reports } of cases.invalid) {
      it(`reports ${file} (${mode})`, async () => {
        const found = only(await lintFixture(`${rule}/${file}`, mode, cases.catalogue));
        expect(found.map((p) => ({ code: p.code, severity: p.severity, elementId: p.elementId }))).toEqual(
          reports.map((r) => ({ code, severity: r.severity ?? cases.severity ?? 'error', elementId: r.id })),
        );
        found.forEach((p, index) => {
          expect(p.message).toMatch(/[\u4e00-\u9fff]/);
          expect(p.messageEn).toContain(reports[index]?.says ?? '');
        });
      });
    }
  }
}
