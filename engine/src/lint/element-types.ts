import traverse from 'bpmnlint/lib/traverse.js';
import { isModdleElement } from './support/moddle.js';

/** Id → BPMN type of every element bpmnlint visits, to fill Problem.elementType. */
export function elementTypes(root: unknown): ReadonlyMap<string, string> {
  const types = new Map<string, string>();
  traverse(root, {
    enter(element) {
      if (isModdleElement(element) && typeof element.id === 'string') types.set(element.id, element.$type);
    },
  });
  return types;
}
