import type { PaletteEntries } from './types';

interface Shape { readonly type: string }
interface ElementFactory { createShape(attrs: { type: string; eventDefinitionType?: string }): Shape }
interface Create { start(event: Event, shape: Shape): void }
interface Palette { registerProvider(priority: number, provider: unknown): void }
type Translate = (text: string) => string;

/** Palette entries bpmn-js offers for elements the engine does not run (docs/bpmn-extension.md). */
const UNSUPPORTED = ['create.intermediate-event', 'create.data-object', 'create.data-store', 'create.group', 'create.task'];

/**
 * Limits the palette to what the engine runs, and offers the elements a
 * Tongban process is made of first: user task (a department's service item),
 * service task (a connector call), parallel gateway (并联), timer.
 */
export class TongbanPaletteProvider {
  static $inject = ['palette', 'elementFactory', 'create', 'translate'];

  constructor(
    palette: Palette,
    private readonly elementFactory: ElementFactory,
    private readonly create: Create,
    private readonly translate: Translate,
  ) {
    // After bpmn-js's own provider (priority 1000), so the updater sees its entries.
    palette.registerProvider(500, this);
  }

  getPaletteEntries(): (entries: PaletteEntries) => PaletteEntries {
    return (entries) => {
      const kept: PaletteEntries = {};
      for (const [key, entry] of Object.entries(entries)) {
        if (!UNSUPPORTED.includes(key)) kept[key] = entry;
        if (key === 'create.exclusive-gateway') {
          kept['create.parallel-gateway'] = this.entry('bpmn:ParallelGateway', 'gateway', 'bpmn-icon-gateway-parallel', 'Create parallel gateway');
          kept['create.user-task'] = this.entry('bpmn:UserTask', 'activity', 'bpmn-icon-user-task', 'Create user task');
          kept['create.service-task'] = this.entry('bpmn:ServiceTask', 'activity', 'bpmn-icon-service-task', 'Create service task');
          kept['create.timer-event'] = this.entry('bpmn:IntermediateCatchEvent', 'event', 'bpmn-icon-intermediate-event-catch-timer', 'Create timer intermediate catch event', 'bpmn:TimerEventDefinition');
        }
      }
      return kept;
    };
  }

  private entry(type: string, group: string, className: string, title: string, eventDefinitionType?: string) {
    const start = (event: Event) => {
      const shape = this.elementFactory.createShape(eventDefinitionType ? { type, eventDefinitionType } : { type });
      this.create.start(event, shape);
    };
    return { group, className, title: this.translate(title), action: { dragstart: start, click: start } };
  }
}
