import type { SubProcessNode } from '../../model/index.js';
import { enter, leave, ref, timerBoundaries, type Builder, type Frame, type StateConfig } from '../builder.js';
import { analyseScope } from '../structure/index.js';

/** An embedded sub-process is a compound state holding its own scope. */
export function compileSubProcess(b: Builder, frame: Frame, node: SubProcessNode): StateConfig {
  const key = b.keys.keyOf(node.id);
  b.entries.set(key, { info: { kind: 'container', elementId: node.id }, boundaryTimers: timerBoundaries(node) });
  const structure = analyseScope(node.scope);
  b.problems.push(...structure.problems);
  const doneId = b.keys.keyOf(`${node.id}__done`);
  const inner: Frame = { scope: node.scope, structure, owner: node, parent: frame, doneId };
  const body = b.compileScope(inner);
  body.onDone = { target: ref(doneId) };
  return {
    id: key,
    entry: [enter(node.id)],
    initial: body.id!,
    states: { [body.id!]: body, [doneId]: { id: doneId, type: 'final' } },
    onDone: leave(b, frame, node),
  };
}
