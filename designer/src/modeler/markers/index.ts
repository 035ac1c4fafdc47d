import { TongbanMarkers } from './tongban-markers';

export type { ProblemMark } from './tongban-markers';
export { TongbanMarkers } from './tongban-markers';

/** bpmn-js module: lint problems and the analysis drawn on the canvas. */
export default {
  tongbanMarkers: ['type', TongbanMarkers],
};
