import type { PanelElement } from '../../modeler';

/** The id of the process a diagram's root shows: the process itself, or the first pool's process. */
export function diagramProcessId(root: PanelElement | undefined): string | undefined {
  const bo = root?.businessObject as unknown as { $type?: string; id?: string; participants?: Array<{ processRef?: { id?: string } }> } | undefined;
  if (!bo) return undefined;
  if (bo.$type === 'bpmn:Collaboration') return bo.participants?.find((p) => p.processRef?.id)?.processRef?.id;
  return bo.id;
}
