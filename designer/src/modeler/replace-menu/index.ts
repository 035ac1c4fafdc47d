import { TongbanReplaceMenuProvider } from './tongban-replace-menu-provider';

/** bpmn-js module: "change element" offers only what the engine runs. */
export default {
  __init__: ['tongbanReplaceMenuProvider'],
  tongbanReplaceMenuProvider: ['type', TongbanReplaceMenuProvider],
};
