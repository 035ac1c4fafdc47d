import { TongbanPaletteProvider } from './tongban-palette-provider';

/** bpmn-js module: the palette offers only what the engine runs. */
export default {
  __init__: ['tongbanPaletteProvider'],
  tongbanPaletteProvider: ['type', TongbanPaletteProvider],
};
