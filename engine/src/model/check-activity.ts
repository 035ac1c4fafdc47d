import type { ModdleElement } from 'bpmn-moddle';
import type { ReadContext } from './read-context.js';
import { child, flag, idOf } from './moddle-access.js';
import { modelProblems } from './problems-model.js';
import { unsupportedLabel } from './unsupported-labels.js';
import { checkExtensionPlacement } from './read-extensions.js';

/**
 * What any activity may carry that the model has no place for: a loop, a
 * compensation role, a default flow. Returns the multi-instance loop when the
 * activity kind supports one (user tasks), so the caller reads it.
 */
export function checkActivity(activity: ModdleElement, ctx: ReadContext, multiInstanceAllowed: boolean): ModdleElement | undefined {
  const id = idOf(activity);
  checkExtensionPlacement(activity, ctx);
  if (flag(activity, 'isForCompensation')) {
    const label = unsupportedLabel('compensation', activity.$type);
    ctx.problems.push(modelProblems.unsupported(id, activity.$type, label.zh, label.en, ctx.runnability));
  }
  if (child(activity, 'default')) {
    ctx.problems.push(modelProblems.activityDefaultFlow(id ?? '', activity.$type, ctx.runnability));
  }
  const loop = child(activity, 'loopCharacteristics');
  if (!loop) return undefined;
  if (loop.$type === 'bpmn:MultiInstanceLoopCharacteristics' && multiInstanceAllowed) return loop;
  const label = unsupportedLabel(loop.$type, loop.$type);
  ctx.problems.push(modelProblems.unsupported(id, loop.$type, label.zh, label.en, ctx.runnability));
  return undefined;
}
