import { assign } from 'xstate';
import type { MultiInstance } from '../../model/index.js';
import { evaluateCondition, evaluateFeel } from '../../feel/index.js';
import type { InstanceContext, MultiInstanceState, Vote } from '../machine-types.js';

/** Signers come from the collection (one task per item) or the cardinality. */
export function startCountersign(elementId: string, mi: MultiInstance) {
  return assign(({ context }: { context: InstanceContext }) => {
    const items = signers(mi, context.vars);
    const state: MultiInstanceState = { items, votes: items.map(() => null), sequential: mi.sequential };
    return { mi: { ...context.mi, [elementId]: state } };
  });
}

function signers(mi: MultiInstance, vars: Readonly<Record<string, unknown>>): unknown[] {
  if (mi.collection !== undefined) {
    const value = safe(() => evaluateFeel(mi.collection!, vars));
    return Array.isArray(value) ? value : [];
  }
  const n = Number(mi.cardinality === undefined ? 0 : safe(() => evaluateFeel(mi.cardinality!, vars)));
  return Number.isInteger(n) && n > 0 ? Array.from({ length: Math.min(n, 1000) }, (_, i) => i + 1) : [];
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
  if (!state) return [];
  const open: number[] = [];
  for (let i = 0; i < state.votes.length; i++) {
    if (state.votes[i] !== null) continue;
    open.push(i);
    if (state.sequential) break;
  }
  return open;
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
  if (!state) return undefined;
  const n = state.votes.length;
  let approvals = 0;
  let rejections = 0;
  let first: Vote | undefined;
  for (const v of state.votes) {
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
