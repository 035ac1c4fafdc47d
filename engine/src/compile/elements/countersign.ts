import { assign } from 'xstate';
import type { MultiInstance } from '../../model/index.js';
import { evaluateCondition, evaluateFeel } from '../../feel/index.js';
import type { InstanceContext, MachineEvent, MultiInstanceState, Vote } from '../machine-types.js';

/**
 * Signers come from the collection (one task per item) or the cardinality.
 * An expression that fails, or a collection that is not a list, leaves the
 * task without signers and with an error the runtime reports as an
 * incident; it never completes the vote by itself.
 */
export function startCountersign(elementId: string, mi: MultiInstance) {
  return assign(({ context }: { context: InstanceContext }) => {
    const signers = resolveSigners(mi, context.vars);
    const state: MultiInstanceState = 'error' in signers
      ? { items: [], votes: [], sequential: mi.sequential, error: signers.error }
      : { items: signers.items, votes: signers.items.map(() => null), sequential: mi.sequential };
    return { mi: { ...context.mi, [elementId]: state } };
  });
}

function resolveSigners(mi: MultiInstance, vars: Readonly<Record<string, unknown>>): { items: unknown[] } | { error: string } {
  try {
    if (mi.collection !== undefined) {
      const value = evaluateFeel(mi.collection, vars);
      return Array.isArray(value) ? { items: value } : { error: `tb:collection "${mi.collection}" is not a list` };
    }
    const n = mi.cardinality === undefined ? NaN : Number(evaluateFeel(mi.cardinality, vars));
    if (!Number.isInteger(n) || n < 0 || n > 1000) return { error: `loopCardinality "${mi.cardinality ?? ''}" is not a whole number from 0 to 1000` };
    return { items: Array.from({ length: n }, (_, i) => i + 1) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** Slots that have an open task: all unvoted ones, or only the next one when sequential. */
export function openSlots(state: MultiInstanceState | undefined): number[] {
  if (!state || state.error !== undefined) return [];
  const open: number[] = [];
  for (const i of slotOrder(state)) {
    if (state.votes[i] !== null || state.removed?.includes(i)) continue;
    open.push(i);
    if (state.sequential) break;
  }
  return open;
}

/** The slots in the order they sign: by index, unless 加签 placed some before or after the current one. */
export function slotOrder(state: MultiInstanceState): readonly number[] {
  return state.order ?? state.votes.map((_, i) => i);
}

/**
 * 加签: new slots for `signers`. Beside everyone they open at once; on a
 * sequential countersign `before` puts them ahead of the current signer
 * (whose task waits), `after` right behind, `parallel` at the end. New
 * slots take the next indexes, so no existing task changes its id.
 */
export function addSigners(elementId: string) {
  return assign(({ context, event }: { context: InstanceContext; event: MachineEvent }) => {
    const state = context.mi[elementId]!;
    const added = event.signers ?? [];
    const fresh = added.map((_, k) => state.votes.length + k);
    let order = state.order;
    if (state.sequential && event.position !== undefined && event.position !== 'parallel') {
      const current = slotOrder(state);
      const at = current.indexOf(openSlots(state)[0] ?? -1);
      const cut = at < 0 ? current.length : event.position === 'before' ? at : at + 1;
      order = [...current.slice(0, cut), ...fresh, ...current.slice(cut)];
    } else if (order) {
      order = [...order, ...fresh];
    }
    const next: MultiInstanceState = {
      ...state, items: [...state.items, ...added], votes: [...state.votes, ...added.map(() => null)], ...(order ? { order } : {}),
    };
    return { mi: { ...context.mi, [elementId]: next } };
  });
}

/** 减签: takes an unvoted slot out; the completion rule is then decided over the slots left. */
export function removeSigner(elementId: string) {
  return assign(({ context, event }: { context: InstanceContext; event: MachineEvent }) => {
    const state = context.mi[elementId]!;
    return { mi: { ...context.mi, [elementId]: { ...state, removed: [...(state.removed ?? []), event.index!] } } };
  });
}

/**
 * The outcome once the rule decides, else undefined.
 * - all (会签): approved when everyone approved; rejected at the first rejection.
 * - any (或签): the first vote decides.
 * - ratio (比例签): approved once approvals/n reaches the ratio; rejected once it no longer can.
 * - condition: the FEEL completionCondition, with nrOfInstances, nrOfCompletedInstances,
 *   nrOfActiveInstances, nrOfApprovals and nrOfRejections; approved when approvals ≥ rejections.
 * With no signers the task completes at once, approved.
 */
export function countersignOutcome(mi: MultiInstance, state: MultiInstanceState | undefined, vars: Readonly<Record<string, unknown>>): Vote | undefined {
  if (!state || state.error !== undefined) return undefined;
  // Removed slots (减签) do not count; the first vote is the first cast in signing order.
  const votes = slotOrder(state).filter((i) => !state.removed?.includes(i)).map((i) => state.votes[i] ?? null);
  const n = votes.length;
  let approvals = 0;
  let rejections = 0;
  let first: Vote | undefined;
  for (const v of votes) {
    if (v === 'approve') approvals++;
    else if (v === 'reject') rejections++;
    if (v !== null && first === undefined) first = v;
  }
  const completed = approvals + rejections;
  if (n === 0) return 'approve';
  switch (mi.rule.type) {
    case 'all':
      return rejections > 0 ? 'reject' : completed === n ? 'approve' : undefined;
    case 'any':
      return first;
    case 'ratio': {
      if (approvals / n >= mi.rule.ratio - 1e-9) return 'approve';
      return (n - rejections) / n < mi.rule.ratio - 1e-9 ? 'reject' : undefined;
    }
    case 'condition': {
      const done = completed === n || safe(() => evaluateCondition((mi.rule as { condition: string }).condition, {
        ...vars, nrOfInstances: n, nrOfCompletedInstances: completed, nrOfActiveInstances: n - completed,
        nrOfApprovals: approvals, nrOfRejections: rejections,
      })) === true;
      return done ? (approvals >= rejections ? 'approve' : 'reject') : undefined;
    }
  }
}
