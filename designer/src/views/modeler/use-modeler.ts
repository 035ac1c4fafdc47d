import { onBeforeUnmount, ref, shallowRef } from 'vue';
import type Modeler from 'bpmn-js/lib/Modeler';
import { createModeler, type PanelElement } from '../../modeler';

interface CommandStack { canUndo(): boolean; canRedo(): boolean; undo(): void; redo(): void }
interface Selection { get(): PanelElement[]; select(element: unknown): void }
interface Canvas { getRootElement(): PanelElement; scrollToElement(element: unknown): void; zoom(level: string): void }
interface ElementRegistry { get(id: string): PanelElement | undefined; getAll(): PanelElement[] }
interface Modeling { updateProperties(element: PanelElement, properties: Record<string, unknown>): void }

/**
 * One bpmn-js Modeler for the page: what is selected, whether undo/redo are
 * possible, and a `revision` that ticks on every change to the diagram
 * (edits, undo, redo, import), which the panel and the live check follow.
 */
export function useModeler() {
  const modeler = shallowRef<Modeler>();
  const selected = shallowRef<PanelElement>();
  const revision = ref(0);
  const canUndo = ref(false);
  const canRedo = ref(false);
  const listeners: Array<(edited: boolean) => void> = [];

  function mount(container: HTMLElement, locale: string): void {
    modeler.value?.destroy();
    const instance = createModeler(container, locale);
    instance.on('selection.changed', (event: { newSelection: PanelElement[] }) => {
      selected.value = event.newSelection.length === 1 ? event.newSelection[0] : undefined;
    });
    instance.on('commandStack.changed', (event: { trigger?: string }) => changed(event.trigger !== 'clear'));
    instance.on('import.done', () => changed(false));
    modeler.value = instance;
  }

  /** `edited`: the user changed the diagram (an edit, undo or redo), not an import. */
  function changed(edited: boolean): void {
    const stack = get<CommandStack>('commandStack');
    canUndo.value = stack.canUndo();
    canRedo.value = stack.canRedo();
    revision.value++;
    for (const listener of listeners) listener(edited);
  }

  function get<T>(service: string): T {
    if (!modeler.value) throw new Error('The modeler is not mounted');
    return modeler.value.get<T>(service);
  }

  /** Opens a diagram; throws the import error (the caller decides what stays on the canvas). */
  async function open(xml: string): Promise<string[]> {
    if (!modeler.value) throw new Error('The modeler is not mounted');
    const result = await modeler.value.importXML(xml);
    get<Canvas>('canvas').zoom('fit-viewport');
    return result.warnings.map((w) => String((w as { message?: unknown }).message ?? w));
  }

  async function xml(): Promise<string> {
    if (!modeler.value) throw new Error('The modeler is not mounted');
    const { xml: text } = await modeler.value.saveXML({ format: true });
    return text ?? '';
  }

  function select(elementId: string): void {
    const element = get<ElementRegistry>('elementRegistry').get(elementId);
    if (!element) return;
    get<Selection>('selection').select(element);
    get<Canvas>('canvas').scrollToElement(element);
  }

  /** Element names by id, for lists that show tasks by name. */
  function names(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const element of get<ElementRegistry>('elementRegistry').getAll()) {
      const name = element.businessObject?.name;
      if (name) result[element.id] = name;
    }
    return result;
  }

  function update(element: PanelElement, properties: Record<string, unknown>): void {
    get<Modeling>('modeling').updateProperties(element, properties);
  }

  function onChange(listener: (edited: boolean) => void): void {
    listeners.push(listener);
  }

  onBeforeUnmount(() => modeler.value?.destroy());

  return {
    modeler, selected, revision, canUndo, canRedo, mount, open, xml, select, get, onChange, names, update,
    undo: () => get<CommandStack>('commandStack').undo(),
    redo: () => get<CommandStack>('commandStack').redo(),
    root: () => get<Canvas>('canvas').getRootElement(),
  };
}

export type ModelerHandle = ReturnType<typeof useModeler>;
