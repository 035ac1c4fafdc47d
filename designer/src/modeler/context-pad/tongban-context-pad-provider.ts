import type { Entry } from '../palette/types';

interface Shape { readonly type: string }
interface ElementFactory { createShape(attrs: { type: string }): Shape }
interface AutoPlace { append(source: unknown, shape: Shape): void }
interface ContextPad { registerProvider(priority: number, provider: unknown): void }
type Translate = (text: string) => string;
type Entries = Record<string, Entry>;

/** Appends bpmn-js offers that the engine does not run. */
const UNSUPPORTED = new Set([
  'append.intermediate-event', 'append.receive-task', 'append.condition-intermediate-event',
  'append.signal-intermediate-event', 'append.compensation-activity',
]);

/**
 * The context pad without what the engine does not run; "append task"
 * appends a user task, since a plain task is only a user task without a name
 * for it, and a parallel gateway is one click away.
 */
export class TongbanContextPadProvider {
  static $inject = ['contextPad', 'elementFactory', 'autoPlace', 'translate'];

  constructor(
    contextPad: ContextPad,
    private readonly elementFactory: ElementFactory,
    private readonly autoPlace: AutoPlace,
    private readonly translate: Translate,
  ) {
    contextPad.registerProvider(500, this);
  }

  getContextPadEntries(): (entries: Entries) => Entries {
    return (entries) => {
      const kept: Entries = {};
      for (const [key, entry] of Object.entries(entries)) {
        if (UNSUPPORTED.has(key)) continue;
        if (key === 'append.append-task') {
          kept['append.user-task'] = this.append('bpmn:UserTask', 'bpmn-icon-user-task', 'Append user task');
          kept['append.parallel-gateway'] = this.append('bpmn:ParallelGateway', 'bpmn-icon-gateway-parallel', 'Append parallel gateway');
          continue;
        }
        kept[key] = entry;
      }
      return kept;
    };
  }

  private append(type: string, className: string, title: string): Entry {
    return {
      group: 'model',
      className,
      title: this.translate(title),
      action: { click: (_event: Event, source: unknown) => this.autoPlace.append(source, this.elementFactory.createShape({ type })) },
    };
  }
}
