import { parseBpmn, problem, reengineer, type Prediction, type Problem } from '@tongban/engine';

export interface ReengineeredDiagram {
  /** The laid-out to-be diagram; absent when the as-is diagram cannot be re-engineered. */
  readonly xml?: string;
  readonly processId?: string;
  readonly problems: readonly Problem[];
  readonly prediction?: Prediction;
}

/**
 * The engine's serial → parallel re-engineering (流程再造) of the diagram on
 * the canvas: its first executable process, read as a serial as-is chain
 * whose tasks declare `tb:reads` / `tb:writes`, becomes a laid-out to-be
 * diagram with every task in the earliest stage its data allows.
 */
export async function reengineerDiagram(xml: string): Promise<ReengineeredDiagram> {
  const parsed = await parseBpmn(xml);
  const model = parsed.processes.find((p) => p.executable);
  if (!model) {
    return { problems: [problem('reengineer/no-process', 'error', '图中没有可执行的流程', 'The diagram has no executable process')] };
  }
  const processId = `${model.id}_to_be`;
  const result = await reengineer(model, { processId });
  return { ...(result.xml ? { xml: result.xml, processId } : {}), problems: result.problems, ...(result.prediction ? { prediction: result.prediction } : {}) };
}
