import type { BoundaryEvent, FlowNode, TimerCatchNode, TimerDefinition } from '../model/index.js';

/**
 * What the runtime needs to know about a statechart state to turn "the
 * instance is in this state" into tasks, jobs, timers and child instances.
 */
export type StateInfo =
  | { readonly kind: 'userTask'; readonly elementId: string; readonly node: FlowNode & { kind: 'userTask' } }
  | { readonly kind: 'job'; readonly elementId: string; readonly node: FlowNode & { kind: 'serviceTask' } }
  | { readonly kind: 'call'; readonly elementId: string; readonly node: FlowNode & { kind: 'callActivity' } }
  | { readonly kind: 'timer'; readonly elementId: string; readonly timer: TimerDefinition }
  | { readonly kind: 'message'; readonly elementId: string; readonly messageName: string }
  | { readonly kind: 'eventGateway'; readonly elementId: string; readonly timers: readonly TimerCatchNode[]; readonly messages: readonly string[] }
  | { readonly kind: 'container'; readonly elementId: string }
  /** A state the token must pass through at once; resting in it is an incident. */
  | { readonly kind: 'transient'; readonly elementId: string };

export interface StateEntry {
  readonly info: StateInfo;
  /** Boundary timers that run while this state is active. */
  readonly boundaryTimers: readonly BoundaryEvent[];
}
