import type { ModdleElement } from 'bpmn-moddle';
import type { Problem } from '../problems/index.js';
import { child, children, idOf, rawText } from './moddle-access.js';
import { modelProblems } from './problems-model.js';
import { unsupportedLabel } from './unsupported-labels.js';

/**
 * A collaboration only names pools and links them. Each pool's process is a
 * root element and is read as such; message flows between pools are not
 * executed (each pool runs as its own process), which the designer is told.
 * Returns the pool name of each process, for processes without a name.
 */
export function readCollaboration(collaboration: ModdleElement, problems: Problem[]): Map<string, string> {
  const poolNames = new Map<string, string>();
  for (const participant of children(collaboration, 'participants')) {
    const processId = idOf(child(participant, 'processRef'));
    const name = rawText(participant, 'name');
    if (processId !== undefined && name !== undefined && !poolNames.has(processId)) poolNames.set(processId, name);
  }
  for (const flow of children(collaboration, 'messageFlows')) report(flow, 'bpmn:MessageFlow', problems);
  for (const conversation of children(collaboration, 'conversations')) report(conversation, 'conversation', problems);
  return poolNames;
}

function report(element: ModdleElement, labelKey: string, problems: Problem[]): void {
  const label = unsupportedLabel(labelKey, element.$type);
  problems.push(modelProblems.unsupported(idOf(element), element.$type, label.zh, label.en, 'warning'));
}
