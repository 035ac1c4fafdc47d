// Imported dynamically by its users: it parses with the engine's moddle and draws with bpmn-js's viewer.
export { diffDefinitions } from './diff-definitions';
export type { DiagramDiff } from './diff-definitions';
export { showMarkedDiagram } from './create-viewer';
