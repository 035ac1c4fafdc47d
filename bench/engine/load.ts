import { compileProcess, lintDefinitions, loadDefinition, parseBpmn } from '@tongban/engine';
import { Engine } from 'bpmn-engine';
import { collectGarbage, elapsedMs, median, medianOf, type Plan } from './measure.js';
import type { StagedModel } from './staged-bpmn.js';

export interface LoadFigures {
  /** Milliseconds per load, medians. */
  readonly tongbanMs: number;
  readonly bpmnEngineMs: number;
}

/**
 * Figure d: time to make a diagram runnable. Tongban: `loadDefinition`
 * (parse, lint, compile to a statechart). bpmn-engine: `new Engine({ source })`
 * and `getDefinitions()`, which parses with bpmn-moddle and builds its
 * serialized context and Definition. `repeat` loads per run, for small models.
 */
export async function measureLoad(model: StagedModel, plan: Plan, repeat: number): Promise<LoadFigures> {
  const tongbanMs = await medianOf(plan, async () => (await elapsedMs(async () => {
    for (let i = 0; i < repeat; i++) {
      const loaded = await loadDefinition(model.xml);
      if (!loaded.ok) throw new Error(`Tongban did not load ${model.processId}: ${loaded.problems.map((p) => p.code).join(', ')}`);
    }
  })) / repeat);
  const bpmnEngineMs = await medianOf(plan, async () => (await elapsedMs(async () => {
    for (let i = 0; i < repeat; i++) {
      const definitions = await new Engine({ source: model.xml }).getDefinitions();
      if (definitions.length !== 1) throw new Error(`bpmn-engine did not load ${model.processId}`);
    }
  })) / repeat);
  return { tongbanMs, bpmnEngineMs };
}

export interface PhaseFigures {
  readonly parseMs: number;
  readonly lintMs: number;
  readonly compileMs: number;
}

/** Where Tongban's load time goes: `parseBpmn`, `lintDefinitions`, `compileProcess`, medians. */
export async function measureTongbanPhases(model: StagedModel, plan: Plan): Promise<PhaseFigures> {
  const measured: PhaseFigures[] = [];
  for (let run = 0; run < plan.warmups + plan.runs; run++) {
    collectGarbage();
    let parsed: Awaited<ReturnType<typeof parseBpmn>> | undefined;
    const parseMs = await elapsedMs(async () => { parsed = await parseBpmn(model.xml); });
    const definitions = parsed?.definitions;
    const processModel = parsed?.processes[0];
    if (!definitions || !processModel) throw new Error(`Tongban did not parse ${model.processId}`);
    const lintMs = await elapsedMs(async () => { await lintDefinitions(definitions); });
    const compileMs = await elapsedMs(() => { compileProcess(processModel); });
    if (run >= plan.warmups) measured.push({ parseMs, lintMs, compileMs });
  }
  const phase = (key: keyof PhaseFigures) => median(measured.map((m) => m[key]));
  return { parseMs: phase('parseMs'), lintMs: phase('lintMs'), compileMs: phase('compileMs') };
}
