import type { BusinessRuleTaskNode, ServiceTaskNode, UserTaskNode } from '../../model/index.js';
import type { Problem } from '../../problems/index.js';

/** The tasks a serial as-is chain may hold: each becomes one task of the to-be. */
export type ChainTask = UserTaskNode | ServiceTaskNode | BusinessRuleTaskNode;

/** What a task reads and writes, as declared by `tb:reads` / `tb:writes`. */
export interface TaskAccess {
  readonly id: string;
  readonly reads: readonly string[];
  readonly writes: readonly string[];
}

/** `task` must run after `producer`: it reads `read`, which `producer` writes as `written`. */
export interface Dependency {
  readonly producer: string;
  readonly read: string;
  readonly written: string;
}

/**
 * Task ids in as-is order and, for each, the tasks it depends on. Built by
 * `dependencyGraph` from reads and writes (acyclic by construction), or by
 * hand (then `stageTasks` reports any cycle).
 */
export interface DependencyGraph {
  readonly order: readonly string[];
  readonly dependencies: ReadonlyMap<string, readonly Dependency[]>;
}

export interface Staging {
  /** Task ids per stage, stage 1 first, in as-is order inside a stage; empty when there is a cycle. */
  readonly stages: string[][];
  /** Stage number (1-based) by task id. */
  readonly stageOf: ReadonlyMap<string, number>;
  readonly problems: readonly Problem[];
}

/** Predicted working days: the as-is serial sum of legal limits against the to-be critical path of promised limits. */
export interface Prediction {
  readonly asIsWorkingDays: number;
  readonly toBeWorkingDays: number;
  /** `1 − toBe / asIs` as `analyseDesign` reports it: 0.9 means 90 % shorter. */
  readonly compressionRatio: number;
  /** Tasks on one critical path of the to-be, in order. */
  readonly criticalPath: readonly string[];
}

export interface ReengineerOptions {
  /** Id of the to-be process; default `<asIsId>_to_be`. */
  readonly processId?: string;
  /** Skip `bpmn-auto-layout` (no DI): for callers that lay the diagram out themselves. */
  readonly layout?: boolean;
  /** Office hours of a working day for `wh` limits in the prediction; `analyseDesign`'s default otherwise. */
  readonly hoursPerDay?: number;
}

export interface ReengineerResult {
  /** The laid-out to-be BPMN; absent when an error problem stopped the re-engineering. */
  readonly xml?: string;
  /** Task ids per stage, stage 1 first. */
  readonly stages: string[][];
  readonly problems: readonly Problem[];
  /** Absent when there is no to-be diagram, or the design analysis could not run. */
  readonly prediction?: Prediction;
}
