import { analyseDesign, loadDefinition, type DesignAnalysis, type Problem } from '@tongban/engine';

/** What an upload is found to be: its problems, and per executable process its id, name and design analysis. */
export interface DefinitionCheck {
  readonly ok: boolean;
  readonly problems: readonly Problem[];
  readonly processes: readonly { readonly processId: string; readonly name?: string; readonly analysis: DesignAnalysis }[];
}

/** Parse, lint, compile and analyse: the whole check of an uploaded BPMN document. Runs in the parse worker. */
export async function checkDefinition(xml: string): Promise<DefinitionCheck> {
  const loaded = await loadDefinition(xml);
  return {
    ok: loaded.ok,
    problems: loaded.problems,
    processes: loaded.processes.map((p) => ({
      processId: p.processId,
      ...(p.model.name !== undefined ? { name: p.model.name } : {}),
      analysis: analyseDesign(p.model),
    })),
  };
}
