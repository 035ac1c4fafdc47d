import type { Engine } from 'bpmn-engine';
import { runInstance, type SourceContext } from './bpmn-engine-baseline.js';
import { instancesPerSec, medianOf, type Plan } from './measure.js';
import { deployedRuntime, runStoredInstance } from './tongban-driver.js';

export interface StoreFigures {
  readonly tongbanStoreInstancesPerSec: number;
  readonly bpmnEngineStoreInstancesPerSec: number;
}

/**
 * Figure b: instances per second when every step is persisted.
 * Tongban: `Runtime` over `MemoryStore`; each command is one commit of the
 * snapshot (JSON), the task rows and the history record.
 * bpmn-engine: figure a's loop plus, after the start and after every
 * signal, `engine.getState()` (its own persistence snapshot) serialised to
 * JSON and kept in a Map by instance, which is what a store would hold.
 */
export async function measureThroughStore(xml: string, processId: string, source: SourceContext, plan: Plan, counts: { tongban: number; bpmnEngine: number }): Promise<StoreFigures> {
  const tongbanStoreInstancesPerSec = await medianOf(plan, async () => {
    const { runtime, store } = await deployedRuntime(xml);
    return instancesPerSec(counts.tongban, async () => {
      for (let i = 0; i < counts.tongban; i++) await runStoredInstance(runtime, store, processId);
    });
  });
  const bpmnEngineStoreInstancesPerSec = await medianOf(plan, () => {
    const saved = new Map<string, string>();
    let instance = 0;
    const persist = async (engine: Engine) => {
      saved.set(`i${instance}`, JSON.stringify(await engine.getState()));
    };
    return instancesPerSec(counts.bpmnEngine, async () => {
      for (instance = 0; instance < counts.bpmnEngine; instance++) await runInstance(source, persist);
    });
  });
  return { tongbanStoreInstancesPerSec, bpmnEngineStoreInstancesPerSec };
}
