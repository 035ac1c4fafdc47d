/** A diagram element as the properties panel sees it. */
export interface PanelElement {
  readonly id: string;
  readonly type: string;
  readonly businessObject: BusinessObject;
}

export interface BusinessObject {
  readonly $type: string;
  readonly id: string;
  readonly name?: string;
  get(name: string): unknown;
  $instanceOf(type: string): boolean;
}

/** Which fields the panel shows: tasks carry the service item's attributes, lanes a department, start events a form. */
export type PanelKind = 'task' | 'lane' | 'start' | 'process' | 'other';

export function panelKind(element: PanelElement): PanelKind {
  const bo = element.businessObject;
  if (bo.$instanceOf('bpmn:Task')) return 'task';
  if (bo.$instanceOf('bpmn:Lane')) return 'lane';
  if (bo.$instanceOf('bpmn:StartEvent')) return 'start';
  if (bo.$instanceOf('bpmn:Process') || bo.$instanceOf('bpmn:Collaboration')) return 'process';
  return 'other';
}

/** A `tb:` attribute as text; a blank one counts as absent, as the engine reads it. */
export function readAttribute(bo: BusinessObject, name: string): string | undefined {
  const value = bo.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
