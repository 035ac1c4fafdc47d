import { layoutProcess } from 'bpmn-auto-layout';

/**
 * Adds diagram interchange (shapes and edges) so bpmn-js opens the to-be
 * diagram. bpmn-auto-layout reads it with a plain bpmn-moddle, so `tb:`
 * attributes and extension elements pass through untouched as foreign ones.
 */
export function layout(xml: string): Promise<string> {
  return layoutProcess(xml);
}
