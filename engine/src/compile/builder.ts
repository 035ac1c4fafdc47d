import { assign } from 'xstate';
import type { BoundaryEvent, FlowNode, Scope, SubProcessNode } from '../model/index.js';
import type { Problem } from '../problems/index.js';
import type { Region, ScopeStructure } from './structure/index.js';
import type { InstanceContext, MachineEvent } from './machine-types.js';
import { END_STATES } from './machine-types.js';
import type { StateEntry } from './state-info.js';
import type { StateKeys } from './state-keys.js';

/** A state node config as this compiler writes it (a subset of XState's). */
export interface StateConfig {
  id?: string;
  type?: 'parallel' | 'final';
  initial?: string;
  states?: Record<string, StateConfig>;
  entry?: unknown[];
  exit?: unknown[];
  on?: Record<string, Transition | Transition[]>;
  always?: Transition | Transition[];
  onDone?: Transition;
}

export interface Transition {
  target?: string;
  guard?: (args: { context: InstanceContext; event: MachineEvent }) => boolean;
  actions?: unknown[];
}

/** One scope being compiled: a process body or a sub-process body. */
export interface Frame {
  readonly scope: Scope;
  readonly structure: ScopeStructure;
  /** The sub-process whose body this is; absent for the process itself. */
  readonly owner?: SubProcessNode;
  readonly parent?: Frame;
  /** State id of the scope's own final state (terminate ends here). */
  readonly doneId: string;
}

/**
 * Where a node sits: the sub-process whose body holds it (none: the process),
 * its place in that body's forward order, and the keys of the regions around
 * it, innermost first. A return is possible only to a task whose region
 * encloses the returning task.
 */
export interface Position {
  readonly owner?: string;
  readonly order: number;
  readonly regions: readonly string[];
}

/** Shared services of one compilation. */
export interface Builder {
  readonly keys: StateKeys;
  readonly entries: Map<string, StateEntry>;
  readonly positions: Map<string, Position>;
  readonly problems: Problem[];
  compileRegion(frame: Frame, region: Region): StateConfig;
  compileScope(frame: Frame): StateConfig;
}

export const ref = (id: string): string => `#${id}`;

export const regionEndId = (keys: StateKeys, region: Region): string => keys.keyOf(`${region.key}__end`);
export const sideIdleId = (keys: StateKeys, region: Region): string => keys.keyOf(`${region.key}__idle`);

/** Counts an entry of a waiting element, so its tasks and timers get new ids. */
export function enter(elementId: string) {
  return assign(({ context }: { context: InstanceContext }) => ({
    seq: context.seq + 1,
    act: { ...context.act, [elementId]: context.seq + 1 },
  }));
}

export const mergeVariables = assign(({ context, event }: { context: InstanceContext; event: MachineEvent }) =>
  event.variables ? { vars: { ...context.vars, ...event.variables } } : {});

/** Where the token goes when it reaches `targetId` from a node in `region`. */
export function resolveTarget(b: Builder, frame: Frame, region: Region, targetId: string): Transition {
  if (region.block?.join === targetId) return { target: ref(regionEndId(b.keys, region)) };
  const target = frame.scope.nodes.get(targetId);
  if (target?.kind === 'endEvent') {
    const endRegion = frame.structure.regionOf.get(targetId) ?? region;
    switch (target.result) {
      case 'terminate':
        return { target: ref(frame.doneId) };
      case 'error':
        return throwError(b, frame, targetId, target.errorCode);
      default:
        return { target: ref(regionExit(b, endRegion)) };
    }
  }
  return { target: ref(b.keys.keyOf(targetId)) };
}

/** The state a region's token goes to when its line ends. */
export function regionExit(b: Builder, region: Region): string {
  return region.kind === 'side' ? sideIdleId(b.keys, region) : regionEndId(b.keys, region);
}

/** Leaves `node` along its single outgoing flow, or ends its line when it has none. */
export function leave(b: Builder, frame: Frame, node: FlowNode): Transition {
  const region = frame.structure.regionOf.get(node.id) ?? frame.structure.main;
  const flowId = node.outgoing[0];
  const flow = flowId === undefined ? undefined : frame.scope.flows.get(flowId);
  if (!flow) return { target: ref(regionExit(b, region)) };
  return resolveTarget(b, frame, region, flow.target);
}

/**
 * A BPMN error thrown at `elementId`: caught by the nearest boundary error
 * event of the element itself (`catchOnSelf`) or of an enclosing
 * sub-process; uncaught, the instance fails.
 */
export function throwError(b: Builder, frame: Frame, elementId: string, code: string | undefined, self?: FlowNode): Transition {
  const record = assign({ error: () => ({ elementId, ...(code !== undefined ? { code } : {}) }) });
  let activity: FlowNode | undefined = self;
  let at: Frame | undefined = frame;
  while (at) {
    const boundary = activity?.boundaries.find((e) => e.trigger.type === 'error' && (e.trigger.errorCode === undefined || e.trigger.errorCode === code));
    if (activity && boundary) {
      const region = at.structure.regionOf.get(activity.id) ?? at.structure.main;
      const flow = boundary.outgoing[0] === undefined ? undefined : at.scope.flows.get(boundary.outgoing[0]);
      const next = flow ? resolveTarget(b, at, region, flow.target) : { target: ref(regionExit(b, region)) };
      return { ...next, actions: [record, ...(next.actions ?? [])] };
    }
    activity = at.owner;
    at = activity ? at.parent : undefined;
  }
  return { target: ref(END_STATES.failed), actions: [record] };
}

/**
 * Transitions for a failure reported from outside (a job or a called
 * instance): each boundary error event of the activity catches its own code,
 * or any code when it names none.
 */
export function boundaryErrorCatches(b: Builder, frame: Frame, node: FlowNode): Transition[] {
  return node.boundaries.flatMap((e) => {
    if (e.trigger.type !== 'error') return [];
    const code = e.trigger.errorCode;
    return [{ ...throwError(b, frame, node.id, code, node), guard: ({ event }: { event: MachineEvent }) => code === undefined || event.errorCode === code }];
  });
}

/** The boundary timers of an activity: the runtime schedules them while it is active. */
export function timerBoundaries(node: FlowNode): BoundaryEvent[] {
  return node.boundaries.filter((e) => e.trigger.type === 'timer');
}
