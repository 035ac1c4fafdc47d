export { createModeler } from './create-modeler';
export { newDiagramXml } from './new-diagram';
// The checker (./check) is imported dynamically by its users: it carries the whole engine.
export type { DiagramCheck } from './check';
export type { ProblemMark, TongbanMarkers } from './markers';
export * from './properties';
