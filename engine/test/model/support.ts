import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBpmn } from '../../src/index.js';
import type { FlowNode, ParseResult, ProcessModel, Problem } from '../../src/index.js';

export const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Fixtures are read as bytes, as an upload would be. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

export function parseFixture(name: string): Promise<ParseResult> {
  return parseBpmn(fixtureBytes(name));
}

export function onlyProcess(result: ParseResult): ProcessModel {
  const [process, ...others] = result.processes;
  if (!process || others.length > 0) throw new Error(`expected one process, got ${result.processes.length}`);
  return process;
}

export function node(process: ProcessModel, id: string): FlowNode {
  const found = process.scope.nodes.get(id);
  if (!found) throw new Error(`no node ${id} in ${process.id}`);
  return found;
}

/** code:elementId pairs, the part of a problem the tables compare. */
export const summary = (problems: readonly Problem[]): string[] => problems.map((p) => `${p.code}:${p.elementId ?? ''}`);

export const errorsOf = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');
