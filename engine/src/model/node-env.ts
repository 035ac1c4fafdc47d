import type { ModdleElement } from 'bpmn-moddle';
import type { BoundaryEvent, Scope } from './types.js';
import type { ReadContext } from './read-context.js';
import { idOf, rawText } from './moddle-access.js';
import { compact } from './compact.js';

/** What a flow node reader gets from its scope, beyond the element itself. */
export interface NodeEnv {
  readonly ctx: ReadContext;
  /** Ids of the model's sequence flows into and out of the node, in document order. */
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  readonly boundaries: readonly BoundaryEvent[];
  /** `tb:department` of the node's lane, or of the enclosing sub-process's lane. */
  readonly laneDepartment: string | undefined;
  /** Reads a sub-process body; passed in so readers and scope do not import each other. */
  readonly readScope: (container: ModdleElement, inheritedDepartment: string | undefined) => Scope;
}

export interface NodeBase {
  readonly id: string;
  readonly name?: string;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  readonly boundaries: readonly BoundaryEvent[];
}

export function nodeBase(element: ModdleElement, env: NodeEnv): NodeBase {
  return compact({
    id: idOf(element) ?? '',
    name: rawText(element, 'name'),
    incoming: env.incoming,
    outgoing: env.outgoing,
    boundaries: env.boundaries,
  });
}
