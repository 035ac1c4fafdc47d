/**
 * Re-engineering (流程再造): a serial as-is chain whose tasks declare
 * `tb:reads` / `tb:writes` becomes a block-structured parallel to-be BPMN.
 *
 *   reengineer(model)        the laid-out to-be XML, its stages and predicted compression
 *   dependencyGraph(tasks)   read-after-write dependencies in as-is order
 *   stageTasks(graph)        the earliest stage of every task; cycles reported
 */
export { reengineer } from './reengineer.js';
export { dependencyGraph } from './dependency-graph.js';
export { stageTasks } from './stage-tasks.js';
export { serialChain } from './serial-chain.js';
export { pathsOverlap } from './paths-overlap.js';
export type {
  ChainTask, Dependency, DependencyGraph, Prediction, ReengineerOptions, ReengineerResult, Staging, TaskAccess,
} from './types.js';
export type { SerialChain } from './serial-chain.js';
