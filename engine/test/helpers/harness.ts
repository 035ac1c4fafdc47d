import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MemoryStore, Runtime, type InstanceRecord, type TaskRecord } from '../../src/index.js';
import { FakeClock, SequentialIds } from '../../src/testing/index.js';

export const DAY = 24 * 3600_000;

/** A runtime over a memory store with a fake clock, and the fixtures of a folder. */
export function harness(fixtureDir: URL) {
  const store = new MemoryStore();
  const clock = new FakeClock('2026-03-02T01:00:00.000Z');
  const runtime = new Runtime({ store, clock, ids: new SequentialIds('i') });
  const fixture = (name: string) => readFileSync(fileURLToPath(new URL(name, fixtureDir)), 'utf8');
  return {
    store, clock, runtime, fixture,
    deploy: async (...names: string[]) => {
      for (const name of names) await runtime.deploy(fixture(name));
    },
    /** Open tasks of an instance: element ids, sorted. */
    open: async (instanceId: string) => (await store.listTasks({ instanceId, status: 'open' })).map((t) => t.elementId).sort(),
    openTasks: async (instanceId: string): Promise<TaskRecord[]> => store.listTasks({ instanceId, status: 'open' }),
    /** Completes the only open task of the element. */
    complete: async (instanceId: string, elementId: string, input: Parameters<Runtime['completeTask']>[1] = {}): Promise<InstanceRecord> => {
      const tasks = (await store.listTasks({ instanceId, status: 'open' })).filter((t) => t.elementId === elementId);
      if (tasks.length !== 1) throw new Error(`expected one open ${elementId} task, found ${tasks.length}`);
      return runtime.completeTask(tasks[0]!.id, input);
    },
    /** Every task ever opened in the instance, in the order they were opened. */
    openedSequence: async (instanceId: string) =>
      (await store.listHistory(instanceId)).flatMap((h) => h.effects.filter((e) => e.type === 'task.opened').map((e) => e.elementId!)),
  };
}
