import { TongbanContextPadProvider } from './tongban-context-pad-provider';

/** bpmn-js module: the context pad appends only what the engine runs. */
export default {
  __init__: ['tongbanContextPadProvider'],
  tongbanContextPadProvider: ['type', TongbanContextPadProvider],
};
