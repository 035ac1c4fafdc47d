import type { InstanceCommit } from '../../store/index.js';
import type { Command } from '../commands.js';
import type { Commitment, EffectSummary, InstanceRecord, MissingMaterial, TimerRecord } from '../records.js';

export interface SettleInput {
  readonly previous: InstanceRecord | undefined;
  readonly command: Command;
  readonly at: Date;
  readonly actor?: string;
  /** At the start: the checked materials, commitments and supplement timers. */
  readonly started?: { readonly materials: readonly MissingMaterial[]; readonly commitments: readonly Commitment[]; readonly timers: readonly TimerRecord[] };
  /** The instance's scheduled timers before the command. */
  readonly scheduledTimers: readonly TimerRecord[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Folds the missing materials (容缺受理) into a commit the step produced:
 * records a supplied or overdue material, keeps an instance whose process
 * has ended from completing while a material is missing (it awaits the
 * supplement), completes it when the last one arrives, ends it as
 * terminated when a supplement deadline passes, and cancels the supplement
 * timers of an instance that ends otherwise. Pure: the same inputs give the
 * same rows.
 */
export function settleMaterials(commit: InstanceCommit, input: SettleInput): InstanceCommit {
  const { command, previous } = input;
  let materials = input.started?.materials ?? previous?.materials ?? [];
  if (materials.length === 0 && !input.started?.commitments.length) return commit;
  const now = input.at.toISOString();
  const effects: EffectSummary[] = [...commit.history.effects];
  const timersScheduled = [...commit.timersScheduled];
  const timersClosed = [...commit.timersClosed];
  const instance: Mutable<InstanceRecord> = { ...commit.instance, materials };
  if (input.started) {
    timersScheduled.push(...input.started.timers);
    if (input.started.commitments.length > 0) instance.commitments = input.started.commitments;
    for (const m of input.started.materials) effects.push({ type: 'material.missing', id: m.timerId });
  }
  let overdue: MissingMaterial | undefined;
  if (command.type === 'material.supply') {
    materials = materials.map((m) => (m.material === command.material && m.status === 'missing'
      ? { ...m, status: 'supplied' as const, suppliedAt: now, ...(input.actor !== undefined ? { suppliedBy: input.actor } : {}) }
      : m));
    const supplied = materials.find((m) => m.material === command.material)!;
    timersClosed.push({ id: supplied.timerId, status: 'cancelled', at: now });
    effects.push({ type: 'material.supplied', id: supplied.timerId });
  } else if (command.type === 'material.overdue') {
    materials = materials.map((m) => (m.timerId === command.timerId ? { ...m, status: 'overdue' as const } : m));
    overdue = materials.find((m) => m.timerId === command.timerId)!;
    timersClosed.push({ id: overdue.timerId, status: 'fired', at: now });
    effects.push({ type: 'material.overdue', id: overdue.timerId });
  }
  instance.materials = materials;
  const missing = materials.some((m) => m.status === 'missing');
  delete instance.awaitingSupplement;
  if (overdue) {
    // 终止办理：容缺材料逾期未补正 — whether the process was still running or already at its end.
    Object.assign(instance, {
      status: 'terminated', endedAt: now, incidents: [],
      ending: {
        kind: 'material-overdue', material: overdue.material,
        message: `终止办理：容缺材料“${overdue.material}”逾期未补正`, messageEn: `Terminated: the missing material "${overdue.material}" was not supplied in time`,
      },
    });
    effects.push({ type: 'instance.terminated', id: instance.id });
  } else if (instance.status === 'completed' && missing) {
    instance.status = 'active';
    instance.awaitingSupplement = true;
    delete instance.endedAt;
    if (!previous?.awaitingSupplement) effects.push({ type: 'instance.awaiting-supplement', id: instance.id });
  } else if (instance.status === 'completed' && previous?.awaitingSupplement) {
    effects.push({ type: 'instance.completed', id: instance.id });
  }
  if (instance.status !== 'active') {
    // An instance that ends by any road leaves no supplement deadline behind.
    const closed = new Set(timersClosed.map((t) => t.id));
    for (const t of [...input.scheduledTimers, ...(input.started?.timers ?? [])]) {
      if (t.supplement && t.status === 'scheduled' && !closed.has(t.id)) timersClosed.push({ id: t.id, status: 'cancelled', at: now });
    }
  }
  const scheduled = new Set(timersClosed.map((t) => t.id));
  return {
    ...commit, instance,
    // A timer scheduled and cancelled in the same write (a start that ends at once) is not written at all.
    timersScheduled: timersScheduled.filter((t) => !(t.supplement && scheduled.has(t.id))),
    timersClosed: timersClosed.filter((t) => !input.started?.timers.some((s) => s.id === t.id)),
    history: { ...commit.history, effects },
  };
}
