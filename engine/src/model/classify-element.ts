import type { ModdleElement } from 'bpmn-moddle';
import { children, flag } from './moddle-access.js';
import { unsupportedLabel } from './unsupported-labels.js';
import type { Label } from './unsupported-labels.js';

/** What the scope reader does with one flow element. */
export type Classified =
  | { readonly kind: 'node' | 'flow' | 'boundary' | 'skip' }
  | { readonly kind: 'unsupported'; readonly elementType: string; readonly label: Label };

/** Flow nodes the engine runs, by exact type (a bpmn:SendTask is a bpmn:Task, but not one of these). */
const NODE_TYPES = new Set([
  'bpmn:UserTask', 'bpmn:Task', 'bpmn:ManualTask', 'bpmn:ServiceTask', 'bpmn:BusinessRuleTask',
  'bpmn:CallActivity', 'bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:InclusiveGateway', 'bpmn:EventBasedGateway',
]);

/** Data that documents a process and has no behaviour here. */
const SKIPPED_TYPES = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

/** Triggers each event kind supports (`''`: none); a start event in a sub-process takes none. */
const TRIGGERS: Readonly<Record<string, readonly string[]>> = {
  'bpmn:StartEvent': ['', 'bpmn:MessageEventDefinition'],
  'bpmn:EndEvent': ['', 'bpmn:MessageEventDefinition', 'bpmn:TerminateEventDefinition', 'bpmn:ErrorEventDefinition'],
  'bpmn:IntermediateCatchEvent': ['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition'],
  'bpmn:BoundaryEvent': ['bpmn:TimerEventDefinition', 'bpmn:ErrorEventDefinition'],
};

export function classifyElement(element: ModdleElement, inProcess: boolean): Classified {
  const type = element.$type;
  if (type === 'bpmn:SequenceFlow') return { kind: 'flow' };
  if (SKIPPED_TYPES.has(type)) return { kind: 'skip' };
  if (NODE_TYPES.has(type)) return { kind: 'node' };
  if (type === 'bpmn:SubProcess') {
    return flag(element, 'triggeredByEvent') ? unsupported(type, 'eventSubProcess') : { kind: 'node' };
  }
  const triggers = TRIGGERS[type];
  if (!triggers) return unsupported(type, type);
  const definitions = eventDefinitions(element);
  if (definitions.length > 1) return unsupported(type, 'multipleTrigger');
  const trigger = definitions[0]?.$type ?? '';
  if (type === 'bpmn:StartEvent' && !inProcess && trigger !== '') return unsupported(trigger, 'subProcessStart');
  if (triggers.includes(trigger)) return { kind: type === 'bpmn:BoundaryEvent' ? 'boundary' : 'node' };
  return trigger === '' ? unsupported(type, `${type}#none`) : unsupported(trigger, `${type}#${trigger}`);
}

/** Definitions contained in the event and those it references from the definitions root. */
export function eventDefinitions(event: ModdleElement): readonly ModdleElement[] {
  return [...children(event, 'eventDefinitions'), ...children(event, 'eventDefinitionRef')];
}

function unsupported(elementType: string, labelKey: string): Classified {
  return { kind: 'unsupported', elementType, label: unsupportedLabel(labelKey, elementType) };
}
