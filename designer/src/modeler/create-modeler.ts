import Modeler from 'bpmn-js/lib/Modeler';
import { tbDescriptor } from '@tongban/engine';
import paletteModule from './palette';
import contextPadModule from './context-pad';
import replaceMenuModule from './replace-menu';
import markersModule from './markers';
import { translateModule } from './translate';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './markers/markers.css';

/**
 * A bpmn-js Modeler that reads and writes the `tb:` namespace (the engine's
 * own descriptor), offers only what the engine runs, speaks the UI language
 * and can draw the engine's findings.
 */
export function createModeler(container: HTMLElement, locale: string): Modeler {
  return new Modeler({
    container,
    moddleExtensions: { tb: tbDescriptor },
    additionalModules: [paletteModule, contextPadModule, replaceMenuModule, markersModule, translateModule(locale)],
  });
}
