import { analyseDesign, loadDefinition, parseBpmn, type DesignAnalysis, type Problem } from '@tongban/engine';

export interface DiagramCheck {
  /** Every problem the server would report on deploy: parse, lint, compile. */
  readonly problems: readonly Problem[];
  /** The design analysis of the diagram's executable process; absent when it cannot be read. */
  readonly analysis?: DesignAnalysis;
}

/**
 * Runs the engine on the diagram exactly as the server does on deploy, here
 * in the browser, so the designer sees the same problems while drawing;
 * then the design analysis (as-is and to-be durations, critical path,
 * slack) of its first executable process.
 */
export async function checkDiagram(xml: string): Promise<DiagramCheck> {
  const [loaded, parsed] = await Promise.all([loadDefinition(xml), parseBpmn(xml)]);
  const model = parsed.processes.find((p) => p.executable) ?? parsed.processes[0];
  if (!model) return { problems: loaded.problems };
  return { problems: loaded.problems, analysis: analyseDesign(model) };
}

/**
 * Whether an uploaded file can replace the diagram: it must be readable
 * XML that the engine accepts as BPMN. Lint and model problems do not block
 * opening it (the designer is there to fix them); unreadable or hostile
 * input does, and its problems are returned.
 */
export async function checkUpload(xml: string): Promise<{ ok: boolean; problems: readonly Problem[] }> {
  const parsed = await parseBpmn(xml);
  const blocking = parsed.problems.filter((p) => p.severity === 'error' && p.code.startsWith('xml/'));
  return { ok: parsed.definitions !== undefined && blocking.length === 0, problems: parsed.definitions ? blocking : parsed.problems };
}
