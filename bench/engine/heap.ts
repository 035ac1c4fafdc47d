import type { Engine } from 'bpmn-engine';
import { startInstance, type SourceContext } from './bpmn-engine-baseline.js';
import { medianOf, settledHeapBytes, type Plan } from './measure.js';
import { deployedRuntime } from './tongban-driver.js';

export interface HeapFigures {
  readonly tongbanHeapPerWaitingInstance: number;
  readonly bpmnEngineHeapPerWaitingInstance: number;
  readonly tongbanWaitingInstances: number;
  readonly bpmnEngineWaitingInstances: number;
}

const PARALLEL_TASKS = 6;

/**
 * Figure c: heap bytes per instance waiting at the six parallel tasks,
 * measured as the growth of the collected heap while `count` instances are
 * started and kept. Tongban keeps them in its durable form: the store's
 * instance record (snapshot as JSON), open task rows and history. bpmn-engine
 * keeps them as running Engine objects, which is how it waits.
 */
export async function measureHeap(xml: string, processId: string, source: SourceContext, plan: Plan, counts: { tongban: number; bpmnEngine: number }): Promise<HeapFigures> {
  const tongbanHeapPerWaitingInstance = await medianOf(plan, async () => {
    const { runtime, store } = await deployedRuntime(xml);
    const before = settledHeapBytes();
    for (let i = 0; i < counts.tongban; i++) await runtime.start(processId);
    const after = settledHeapBytes();
    const open = await store.listTasks({ status: 'open' });
    if (open.length !== counts.tongban * PARALLEL_TASKS) throw new Error(`expected ${counts.tongban * PARALLEL_TASKS} open tasks, found ${open.length}`);
    return (after - before) / counts.tongban;
  });
  const bpmnEngineHeapPerWaitingInstance = await medianOf(plan, async () => {
    const engines: Engine[] = [];
    const before = settledHeapBytes();
    for (let i = 0; i < counts.bpmnEngine; i++) engines.push((await startInstance(source)).engine);
    const after = settledHeapBytes();
    const waiting = engines.reduce((sum, engine) => sum + (engine.execution?.getPostponed().length ?? 0), 0);
    if (waiting !== counts.bpmnEngine * PARALLEL_TASKS) throw new Error(`expected ${counts.bpmnEngine * PARALLEL_TASKS} waiting tasks, found ${waiting}`);
    return (after - before) / counts.bpmnEngine;
  });
  return {
    tongbanHeapPerWaitingInstance, bpmnEngineHeapPerWaitingInstance,
    tongbanWaitingInstances: counts.tongban, bpmnEngineWaitingInstances: counts.bpmnEngine,
  };
}
