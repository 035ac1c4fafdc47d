// Imported dynamically by its users: it carries the engine's parser and bpmn-auto-layout.
import { parseBpmn } from '@tongban/engine';
import { flowFromModel, type FlowReading } from './flow-from-model';

export { flowToXml } from './flow-to-xml';
export type { SimpleFlow, SimpleItem, SimpleStage } from './types';
export type { FlowReading } from './flow-from-model';

/** The diagram's first executable process as simple-mode stages, or where it stops fitting. */
export async function readSimpleFlow(xml: string): Promise<FlowReading> {
  const parsed = await parseBpmn(xml);
  const model = parsed.processes.find((p) => p.executable);
  return model ? flowFromModel(model) : { elementId: '', reason: 'shape' };
}
