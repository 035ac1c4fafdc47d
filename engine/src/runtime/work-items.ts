import type { CompiledProcess, InstanceContext } from '../compile/index.js';
import { openSlots } from '../compile/index.js';
import type { CallActivityNode, ServiceTaskNode, TimerDefinition, UserTaskNode } from '../model/index.js';

/**
 * Everything an instance waits for, derived from the states it is in: the
 * runtime never keeps this list in the machine, it recomputes it and diffs.
 * Ids are derived from instance, element and activation, so a replay gives
 * the same ids.
 */
export type WorkItem =
  | { readonly type: 'task'; readonly id: string; readonly elementId: string; readonly activation: number; readonly node: UserTaskNode; readonly index?: number; readonly signer?: unknown }
  | { readonly type: 'job'; readonly id: string; readonly elementId: string; readonly activation: number; readonly node: ServiceTaskNode }
  | { readonly type: 'call'; readonly id: string; readonly elementId: string; readonly activation: number; readonly node: CallActivityNode }
  | { readonly type: 'timer'; readonly id: string; readonly elementId: string; readonly activation: number; readonly timer: TimerDefinition }
  | { readonly type: 'incident'; readonly id: string; readonly elementId: string; readonly activation: number; readonly message?: string };

export interface SnapshotView {
  readonly value: unknown;
  readonly context: InstanceContext;
}

export function workItems(process: CompiledProcess, instanceId: string, snapshot: SnapshotView): Map<string, WorkItem> {
  const items = new Map<string, WorkItem>();
  const { context } = snapshot;
  const visit = (key: string) => {
    const entry = process.entries.get(key);
    if (!entry) return;
    const { info } = entry;
    const activation = context.act[info.elementId] ?? 0;
    const base = `${instanceId}/${info.elementId}/${activation}`;
    switch (info.kind) {
      case 'userTask': {
        if (!info.node.multiInstance) {
          items.set(base, { type: 'task', id: base, elementId: info.elementId, activation, node: info.node });
          break;
        }
        const mi = context.mi[info.elementId];
        if (mi?.error !== undefined) {
          items.set(`${base}/incident`, { type: 'incident', id: `${base}/incident`, elementId: info.elementId, activation, message: mi.error });
          break;
        }
        for (const index of openSlots(mi)) {
          const id = `${base}/${index}`;
          items.set(id, { type: 'task', id, elementId: info.elementId, activation, node: info.node, index, signer: mi?.items[index] });
        }
        break;
      }
      case 'job':
        items.set(`${base}/job`, { type: 'job', id: `${base}/job`, elementId: info.elementId, activation, node: info.node });
        break;
      case 'call':
        items.set(`${base}/call`, { type: 'call', id: `${base}/call`, elementId: info.elementId, activation, node: info.node });
        break;
      case 'timer':
        items.set(`${base}/timer`, { type: 'timer', id: `${base}/timer`, elementId: info.elementId, activation, timer: info.timer });
        break;
      case 'eventGateway':
        for (const t of info.timers) {
          const id = `${instanceId}/${t.id}/${activation}/timer`;
          items.set(id, { type: 'timer', id, elementId: t.id, activation, timer: t.timer });
        }
        break;
      case 'transient':
        items.set(`${base}/incident`, { type: 'incident', id: `${base}/incident`, elementId: info.elementId, activation });
        break;
      case 'message':
      case 'container':
        break;
    }
    for (const b of entry.boundaryTimers) {
      if (b.trigger.type !== 'timer') continue;
      const id = `${instanceId}/${b.id}/${activation}/timer`;
      items.set(id, { type: 'timer', id, elementId: b.id, activation, timer: b.trigger.timer });
    }
  };
  walk(snapshot.value, visit);
  return items;
}

/** Calls `visit` with the key of every active state, outermost first. */
function walk(value: unknown, visit: (key: string) => void): void {
  if (typeof value === 'string') {
    visit(value);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const key in value as Record<string, unknown>) {
    visit(key);
    walk((value as Record<string, unknown>)[key], visit);
  }
}

/** Message names the instance is waiting for right now. */
export function awaitedMessages(process: CompiledProcess, snapshot: SnapshotView): string[] {
  const names: string[] = [];
  walk(snapshot.value, (key) => {
    const info = process.entries.get(key)?.info;
    if (info?.kind === 'message') names.push(info.messageName);
    else if (info?.kind === 'eventGateway') names.push(...info.messages);
  });
  return names;
}
