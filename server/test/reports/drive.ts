import type { FakeClock } from '@tongban/engine/testing';
import type { TestServer } from '../support/harness.js';

/** `2026-03-02 09:00` (China Standard Time) → the instant. */
export const cst = (local: string): string => `${local.replace(' ', 'T')}:00+08:00`;

/**
 * Runs one application of a deployed process straight through the engine
 * (not the task routes): starts it at `start`, then at each step's time
 * completes the open tasks of the listed elements. Returns the instance id.
 */
export async function runApplication(
  server: TestServer,
  clock: FakeClock,
  start: string,
  steps: readonly (readonly [at: string, elements: readonly string[]])[],
  processId = 'open_company',
): Promise<string> {
  const { runtime, store } = server.services;
  clock.set(cst(start));
  const instance = await runtime.start(processId);
  for (const [at, elements] of steps) {
    clock.set(cst(at));
    for (const elementId of elements) {
      const task = (await store.listTasks({ instanceId: instance.id, status: 'open' })).find((t) => t.elementId === elementId);
      if (!task) throw new Error(`No open task ${elementId} in ${instance.id} at ${at}`);
      await runtime.completeTask(task.id);
    }
  }
  return instance.id;
}

export const PARALLEL = ['Task_market', 'Task_seal', 'Task_tax', 'Task_social', 'Task_medical', 'Task_fund'] as const;
export const except = (...ids: string[]) => PARALLEL.filter((id) => !ids.includes(id));
