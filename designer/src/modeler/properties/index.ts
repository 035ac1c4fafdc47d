export { LIMIT_UNITS, splitLimit, joinLimit } from './limit';
export type { LimitParts } from './limit';
export { panelKind, readAttribute } from './element-kind';
export type { PanelElement, PanelKind, BusinessObject } from './element-kind';
