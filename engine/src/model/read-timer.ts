import type { ModdleElement } from 'bpmn-moddle';
import type { ReadContext } from './read-context.js';
import type { TimerDefinition } from './types.js';
import { expressionBody } from './read-feel.js';
import { modelProblems } from './problems-model.js';

const KINDS = [['timeDuration', 'duration'], ['timeDate', 'date'], ['timeCycle', 'cycle']] as const;

/**
 * The timer's ISO 8601 text or Tongban limit (`3wd`), as written. Without one
 * the timer cannot be scheduled: a problem, and an empty duration so the model
 * keeps the node and the flows through it.
 */
export function readTimer(definition: ModdleElement, ownerId: string, ctx: ReadContext): TimerDefinition {
  for (const [property, type] of KINDS) {
    const value = expressionBody(definition, property)?.trim();
    if (value) return { type, value };
  }
  ctx.problems.push(modelProblems.timerNoDefinition(ownerId, ctx.runnability));
  return { type: 'duration', value: '' };
}
