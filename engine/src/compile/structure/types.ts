import type { Problem } from '../../problems/index.js';

/**
 * Where a node lives in the statechart: the scope's main line, a side line
 * started by a non-interrupting boundary event, or one branch of a parallel
 * or inclusive block. Regions nest like the blocks of the diagram.
 */
export interface Region {
  readonly key: string;
  readonly kind: 'main' | 'side' | 'branch';
  readonly parent?: Region;
  /** For a branch: its block; for a side line: the boundary event id. */
  readonly block?: Block;
  readonly boundaryId?: string;
  /** First node of the region (absent for a branch that goes straight to the join). */
  readonly entry?: string;
  /** Flow that enters the region (branch regions). */
  readonly flowId?: string;
  readonly nodes: Set<string>;
  readonly depth: number;
}

/** A fork with its matching join: one statechart parallel state. */
export interface Block {
  readonly fork: string;
  /** Absent when every branch ends in its own end event. */
  readonly join?: string;
  readonly kind: 'parallel' | 'inclusive';
  readonly regions: Region[];
}

export interface ScopeStructure {
  readonly main: Region;
  readonly sides: readonly Region[];
  /** Innermost region of every node that is reachable. */
  readonly regionOf: ReadonlyMap<string, Region>;
  readonly blocks: ReadonlyMap<string, Block>;
  /** Topological index of every reachable node along forward flows (loops cut): what comes before what. */
  readonly order: ReadonlyMap<string, number>;
  readonly problems: readonly Problem[];
}
