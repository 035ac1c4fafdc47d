import type { ModdleElement } from 'bpmn-moddle';
import type { ReadContext } from './read-context.js';
import { child, idOf, text } from './moddle-access.js';
import { modelProblems } from './problems-model.js';

/** The message a message event waits for or sends: its `name`, else its id. */
export function readMessageName(definition: ModdleElement, ownerId: string, ctx: ReadContext): string | undefined {
  const message = child(definition, 'messageRef');
  const name = text(message, 'name') ?? idOf(message);
  if (name === undefined) ctx.problems.push(modelProblems.messageNoRef(ownerId, ctx.runnability));
  return name;
}
