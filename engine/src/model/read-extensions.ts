import type { ModdleElement } from 'bpmn-moddle';
import type { ReadContext } from './read-context.js';
import type { Prefill } from './types.js';
import { extensionValues, idOf, rawText, text } from './moddle-access.js';
import { compact } from './compact.js';
import { tbProblems } from './problems-tb.js';
import { tbDescriptor } from './tb-descriptor.js';

/** `tb:prefill` entries; one without a connector cannot run and is left out. */
export function readPrefills(element: ModdleElement, ctx: ReadContext): Prefill[] {
  const prefills: Prefill[] = [];
  for (const value of tbValues(element, 'tb:Prefill')) {
    const connector = text(value, 'connector');
    if (connector === undefined) {
      ctx.problems.push(tbProblems.prefillNoConnector(idOf(element) ?? '', ctx.runnability));
      continue;
    }
    prefills.push(compact({ connector, input: text(value, 'input'), fields: text(value, 'fields') }));
  }
  return prefills;
}

/** Variable paths of every `tb:reads` (or `tb:writes`) of the element, whitespace-separated in the body. */
export function readPaths(element: ModdleElement, type: 'tb:Reads' | 'tb:Writes'): string[] {
  return tbValues(element, type).flatMap((value) => (rawText(value, 'paths') ?? '').split(/\s+/).filter((path) => path !== ''));
}

export function tbValues(element: ModdleElement, type: string): ModdleElement[] {
  return extensionValues(element).filter((value) => value.$type === type);
}

const ALLOWED_IN: ReadonlyMap<string, readonly string[]> = new Map(
  tbDescriptor.types.flatMap((type) => ('meta' in type ? [[`tb:${type.name}`, type.meta.allowedIn] as const] : [])),
);

/**
 * A `tb:` extension element where the descriptor does not allow it (a
 * prefill on a gateway, a decision on a user task) would be ignored; say so.
 */
export function checkExtensionPlacement(element: ModdleElement, ctx: ReadContext): void {
  for (const value of extensionValues(element)) {
    const allowed = ALLOWED_IN.get(value.$type);
    if (allowed && !allowed.includes(element.$type)) {
      ctx.problems.push(tbProblems.misplacedElement(idOf(element), value.$type, element.$type));
    }
  }
}
