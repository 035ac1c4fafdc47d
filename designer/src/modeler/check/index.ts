export { checkDiagram, checkUpload } from './check-diagram';
export type { DiagramCheck } from './check-diagram';
