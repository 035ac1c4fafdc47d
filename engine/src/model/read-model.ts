import type { ModdleElement } from 'bpmn-moddle';
import type { Problem } from '../problems/index.js';
import type { ProcessModel } from './types.js';
import { children, idOf } from './moddle-access.js';
import { readCollaboration } from './read-collaboration.js';
import { readProcess } from './read-process.js';
import { feelBudget } from './read-context.js';
import { modelProblems } from './problems-model.js';
import { unsupportedLabel } from './unsupported-labels.js';

/** Root elements that only define things others refer to (messages, errors, item types…): nothing to run or report. */
const DEFINITION_TYPES = new Set([
  'bpmn:Message', 'bpmn:Error', 'bpmn:Signal', 'bpmn:Escalation', 'bpmn:ItemDefinition', 'bpmn:DataStore',
  'bpmn:Category', 'bpmn:Interface', 'bpmn:EndPoint', 'bpmn:Resource', 'bpmn:PartnerEntity', 'bpmn:PartnerRole',
  'bpmn:CorrelationProperty',
]);

/**
 * Every process of the definitions (the pools of a collaboration included:
 * their processes are root elements too), in document order. Problems are
 * appended to `problems`.
 */
export function readModel(definitions: ModdleElement, problems: Problem[]): ProcessModel[] {
  const roots = children(definitions, 'rootElements');
  const poolNames = new Map<string, string>();
  for (const collaboration of roots.filter((root) => root.$type === 'bpmn:Collaboration')) {
    for (const [processId, name] of readCollaboration(collaboration, problems)) if (!poolNames.has(processId)) poolNames.set(processId, name);
  }
  const processes: ProcessModel[] = [];
  const feel = feelBudget();
  for (const root of roots) {
    if (root.$type === 'bpmn:Process') {
      const process = readProcess(root, poolNames.get(idOf(root) ?? ''), problems, feel);
      if (process) processes.push(process);
    } else if (root.$type !== 'bpmn:Collaboration' && !DEFINITION_TYPES.has(root.$type)) {
      const label = unsupportedLabel(root.$type, root.$type);
      problems.push(modelProblems.unsupported(idOf(root), root.$type, label.zh, label.en, 'warning'));
    }
  }
  if (processes.length === 0) problems.push(modelProblems.noProcess());
  return processes;
}
