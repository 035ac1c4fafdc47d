import { MemoryStore, Runtime, step, type CompiledProcess, type StepResult, type Store } from '@tongban/engine';
import { FakeClock, SequentialIds } from '@tongban/engine/testing';

/**
 * One instance through the pure `step` function: start, then complete the
 * first open task until none is left. No store, no serialisation.
 */
export function stepInstance(process: CompiledProcess, instanceId: string): void {
  let result: StepResult = step(process, instanceId, undefined, { type: 'start', variables: {} });
  for (let task = firstTask(result); task !== undefined; task = firstTask(result)) {
    result = step(process, instanceId, { snapshot: result.snapshot, items: result.items }, { type: 'task.complete', taskId: task });
  }
  if (result.status !== 'completed') throw new Error(`Tongban instance ended ${result.status}`);
}

function firstTask(result: StepResult): string | undefined {
  for (const item of result.items.values()) if (item.type === 'task') return item.id;
  return undefined;
}

/** A runtime over a fresh in-memory store with the diagram deployed. */
export async function deployedRuntime(xml: string): Promise<{ runtime: Runtime; store: MemoryStore }> {
  const store = new MemoryStore();
  return { runtime: await runtimeOver(store, xml), store };
}

/** A runtime over `store` with the diagram deployed: the same clock and ids whichever store holds the instances. */
export async function runtimeOver(store: Store, xml: string): Promise<Runtime> {
  const runtime = new Runtime({ store, clock: new FakeClock(), ids: new SequentialIds('bench') });
  await runtime.deploy(xml);
  return runtime;
}

/** One instance through the runtime: start, then complete each open task the store lists, until none is left. */
export async function runStoredInstance(runtime: Runtime, store: Store, processId: string): Promise<void> {
  const { id } = await runtime.start(processId);
  for (let open = await store.listTasks({ instanceId: id, status: 'open' }); open.length > 0; open = await store.listTasks({ instanceId: id, status: 'open' })) {
    for (const task of open) await runtime.completeTask(task.id);
  }
  const { status } = await runtime.getInstance(id);
  if (status !== 'completed') throw new Error(`Tongban instance ended ${status}`);
}
