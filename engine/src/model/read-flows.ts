import type { ModdleElement } from 'bpmn-moddle';
import type { ReadContext } from './read-context.js';
import type { SequenceFlow } from './types.js';
import { child, idOf, rawText } from './moddle-access.js';
import { compact } from './compact.js';
import { checkExtensionPlacement } from './read-extensions.js';
import { readCondition } from './read-condition.js';
import { modelProblems } from './problems-model.js';

export interface ScopeIds {
  /** Every flow element of the scope, read or not. */
  readonly all: ReadonlySet<string>;
  /** Nodes the model holds. */
  readonly nodes: ReadonlySet<string>;
  /** Boundary events the model holds (flows may leave them). */
  readonly boundaries: ReadonlySet<string>;
  /** Every boundary event of the scope (no flow may enter one). */
  readonly allBoundaries: ReadonlySet<string>;
}

export interface ReadFlows {
  /** Flows between elements the model holds. */
  readonly flows: readonly SequenceFlow[];
  /** Sources of every well-formed flow of the scope, including flows to unsupported elements. */
  readonly sources: ReadonlySet<string>;
}

/**
 * The sequence flows of one scope. Both ends must be flow nodes of this same
 * scope: a flow into a sub-process's inside, or to an element that does not
 * exist, is a problem. A flow touching an unsupported element is left out of
 * the model (that element is reported), but still counts as a way out of
 * its source, so the source is not reported as a dead end too.
 */
export function readFlows(elements: readonly ModdleElement[], ids: ScopeIds, ctx: ReadContext): ReadFlows {
  const flows: SequenceFlow[] = [];
  const sources = new Set<string>();
  for (const element of elements) {
    const id = idOf(element) ?? '';
    checkExtensionPlacement(element, ctx);
    const condition = readCondition(element, ctx);
    const source = endOf(element, 'sourceRef', ids.all);
    const target = endOf(element, 'targetRef', ids.all);
    if (source === DANGLING) ctx.problems.push(modelProblems.danglingFlow(id, 'source', ctx.runnability));
    if (target === DANGLING) ctx.problems.push(modelProblems.danglingFlow(id, 'target', ctx.runnability));
    if (source === ELSEWHERE || target === ELSEWHERE) ctx.problems.push(modelProblems.flowCrossesScope(id, ctx.runnability));
    if (typeof source !== 'string' || typeof target !== 'string') continue;
    if (ids.allBoundaries.has(target)) {
      ctx.problems.push(modelProblems.flowIntoBoundary(id, ctx.runnability));
      continue;
    }
    sources.add(source);
    if ((ids.nodes.has(source) || ids.boundaries.has(source)) && ids.nodes.has(target)) {
      flows.push(compact({ id, name: rawText(element, 'name'), source, target, condition, probability: readProbability(element, id, ctx) }));
    }
  }
  return { flows, sources };
}

/**
 * `tb:probability`, a share from 0 to 1. Anything else (moddle reads `abc`
 * as NaN, `30%` as 30) is reported and left out: it only feeds the design
 * analysis, so it never stops the process from running.
 */
function readProbability(flow: ModdleElement, id: string, ctx: ReadContext): number | undefined {
  if (!Object.hasOwn(flow, 'probability')) return undefined;
  const value = flow['probability'];
  if (typeof value === 'number' && value >= 0 && value <= 1) return value;
  ctx.problems.push(modelProblems.invalidProbability(id));
  return undefined;
}

const DANGLING = Symbol('dangling');
const ELSEWHERE = Symbol('elsewhere');

/** The id at one end when it is a flow node of this scope; a marker when it is missing or in another scope. */
function endOf(flow: ModdleElement, property: string, scope: ReadonlySet<string>): string | typeof DANGLING | typeof ELSEWHERE {
  const end = child(flow, property);
  const endId = idOf(end);
  if (end === undefined || endId === undefined || !end.$instanceOf('bpmn:FlowNode')) return DANGLING;
  return scope.has(endId) ? endId : ELSEWHERE;
}
