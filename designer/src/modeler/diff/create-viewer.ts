import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { tbDescriptor } from '@tongban/engine';
import './diff.css';

interface Canvas { addMarker(id: string, marker: string): void; zoom(level: string): void }
interface ElementRegistry { get(id: string): unknown }

/**
 * A read-only view of one version with its differences marked: green added,
 * red removed, blue changed. Returns a function that tears it down.
 */
export async function showMarkedDiagram(container: HTMLElement, xml: string, marks: Readonly<Record<string, readonly string[]>>): Promise<() => void> {
  const viewer = new NavigatedViewer({ container, moddleExtensions: { tb: tbDescriptor } });
  await viewer.importXML(xml);
  const canvas = viewer.get<Canvas>('canvas');
  const registry = viewer.get<ElementRegistry>('elementRegistry');
  for (const [marker, ids] of Object.entries(marks)) {
    for (const id of ids) if (registry.get(id)) canvas.addMarker(id, marker);
  }
  canvas.zoom('fit-viewport');
  return () => viewer.destroy();
}
