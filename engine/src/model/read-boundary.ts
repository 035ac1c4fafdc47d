import type { ModdleElement } from 'bpmn-moddle';
import type { ReadContext } from './read-context.js';
import type { BoundaryEvent } from './types.js';
import { child, flag, idOf, rawText, text } from './moddle-access.js';
import { compact } from './compact.js';
import { eventDefinitions } from './classify-element.js';
import { checkExtensionPlacement } from './read-extensions.js';
import { modelProblems } from './problems-model.js';
import { readTimer } from './read-timer.js';

export type BoundaryDraft = Omit<BoundaryEvent, 'outgoing'>;

export interface AttachableIds {
  /** Every flow element of the scope. */
  readonly all: ReadonlySet<string>;
  /** Nodes the model holds. */
  readonly nodes: ReadonlySet<string>;
  /** Of those, the activities. */
  readonly activities: ReadonlySet<string>;
}

/**
 * A timer or error boundary event (others were reported by
 * `classifyElement`). It must hang on an activity of the same scope; on an
 * activity the model left out as unsupported it goes too, quietly, since
 * that activity is already reported.
 */
export function readBoundary(event: ModdleElement, ctx: ReadContext, ids: AttachableIds): BoundaryDraft | undefined {
  const id = idOf(event) ?? '';
  checkExtensionPlacement(event, ctx);
  const attachedTo = idOf(child(event, 'attachedToRef'));
  if (attachedTo !== undefined && ids.all.has(attachedTo) && !ids.nodes.has(attachedTo)) return undefined;
  if (attachedTo === undefined || !ids.activities.has(attachedTo)) {
    ctx.problems.push(modelProblems.boundaryNotAttached(id, ctx.runnability));
    return undefined;
  }
  const definition = eventDefinitions(event)[0];
  const trigger: BoundaryEvent['trigger'] = definition?.$type === 'bpmn:TimerEventDefinition'
    ? { type: 'timer', timer: readTimer(definition, id, ctx) }
    : compact({ type: 'error' as const, errorCode: text(child(definition, 'errorRef'), 'errorCode') });
  return compact({ id, name: rawText(event, 'name'), attachedTo, cancelActivity: flag(event, 'cancelActivity') ?? true, trigger });
}
