// Imported dynamically by its users: it carries the engine and bpmn-auto-layout.
export { reengineerDiagram } from './reengineer-diagram';
export type { ReengineeredDiagram } from './reengineer-diagram';
