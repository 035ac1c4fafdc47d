import type { CompiledProcess } from '@tongban/engine';
import { runInstance, type SourceContext } from './bpmn-engine-baseline.js';
import { instancesPerSec, medianOf, type Plan } from './measure.js';
import { stepInstance } from './tongban-driver.js';
import { oneThingMachine, runMachineInstance } from './xstate-reference.js';

export interface InMemoryCounts {
  readonly tongban: number;
  readonly bpmnEngine: number;
  readonly xstate: number;
}

export interface InMemoryFigures {
  readonly tongbanInstancesPerSec: number;
  readonly bpmnEngineInstancesPerSec: number;
  readonly xstateBareInstancesPerSec: number;
}

/**
 * Figure a: instances run to completion per second, in memory only.
 * Tongban: the pure `step` loop over the compiled process. bpmn-engine: a
 * new Engine per instance from the shared parsed source, `execute()`, then
 * `signal()` on every waiting user task until the end. XState: the
 * hand-written machine, as the ceiling.
 */
export async function measureInMemory(process: CompiledProcess, source: SourceContext, plan: Plan, counts: InMemoryCounts): Promise<InMemoryFigures> {
  const tongbanInstancesPerSec = await medianOf(plan, () => instancesPerSec(counts.tongban, () => {
    for (let i = 0; i < counts.tongban; i++) stepInstance(process, `i${i}`);
  }));
  const bpmnEngineInstancesPerSec = await medianOf(plan, () => instancesPerSec(counts.bpmnEngine, async () => {
    for (let i = 0; i < counts.bpmnEngine; i++) await runInstance(source);
  }));
  const machine = oneThingMachine();
  const xstateBareInstancesPerSec = await medianOf(plan, () => instancesPerSec(counts.xstate, () => {
    for (let i = 0; i < counts.xstate; i++) runMachineInstance(machine);
  }));
  return { tongbanInstancesPerSec, bpmnEngineInstancesPerSec, xstateBareInstancesPerSec };
}
