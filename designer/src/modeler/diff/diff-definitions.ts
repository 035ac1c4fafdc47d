import { createModdle } from '@tongban/engine';

export interface DiagramDiff {
  /** Ids only in the newer diagram. */
  readonly added: string[];
  /** Ids only in the older diagram. */
  readonly removed: string[];
  /** Ids in both whose type, name, `tb:` attributes, connections, conditions or extension elements differ. */
  readonly changed: string[];
}

interface Element {
  readonly id?: string;
  readonly $type: string;
  readonly $descriptor: { readonly properties: ReadonlyArray<{ readonly name: string; readonly isMany?: boolean; readonly isReference?: boolean }> };
  get(name: string): unknown;
}

/**
 * What changed between two versions of a diagram, element by element (by
 * id): flow nodes, sequence flows, lanes, pools and the processes
 * themselves. Layout is not a change; everything the engine reads is.
 */
export async function diffDefinitions(olderXml: string, newerXml: string): Promise<DiagramDiff> {
  const [older, newer] = await Promise.all([signatures(olderXml), signatures(newerXml)]);
  const added = [...newer.keys()].filter((id) => !older.has(id));
  const removed = [...older.keys()].filter((id) => !newer.has(id));
  const changed = [...newer.keys()].filter((id) => older.has(id) && older.get(id) !== newer.get(id));
  return { added, removed, changed };
}

async function signatures(xml: string): Promise<Map<string, string>> {
  const { rootElement } = await createModdle().fromXML(xml, { lax: true });
  const result = new Map<string, string>();
  const visit = (element: Element) => {
    if (element.id) result.set(element.id, signature(element));
    for (const child of children(element)) visit(child);
  };
  for (const root of (rootElement as unknown as Element).get('rootElements') as Element[]) {
    if (root.$type === 'bpmn:Process' || root.$type === 'bpmn:Collaboration') visit(root);
  }
  return result;
}

/** The elements a diagram draws inside another: flow elements, lanes, pools. */
function children(element: Element): Element[] {
  const list: Element[] = [];
  for (const name of ['flowElements', 'participants', 'laneSets', 'lanes']) {
    if (!element.$descriptor.properties.some((p) => p.name === name)) continue;
    list.push(...((element.get(name) as Element[] | undefined) ?? []));
  }
  const childLaneSet = element.$descriptor.properties.some((p) => p.name === 'childLaneSet') ? (element.get('childLaneSet') as Element | undefined) : undefined;
  if (childLaneSet) list.push(childLaneSet);
  return list;
}

/** Type, plain properties, references by id, and nested values (conditions, loops, extension elements) in one string. */
function signature(element: Element): string {
  const parts: string[] = [element.$type];
  for (const property of element.$descriptor.properties) {
    if (['flowElements', 'participants', 'laneSets', 'lanes', 'childLaneSet', 'incoming', 'outgoing', 'flowNodeRef', 'di'].includes(property.name)) continue;
    const value = element.get(property.name);
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    parts.push(`${property.name}=${describe(value, property.isReference === true)}`);
  }
  const lanes = element.$descriptor.properties.some((p) => p.name === 'flowNodeRef') ? (element.get('flowNodeRef') as Element[]) : [];
  if (lanes.length > 0) parts.push(`flowNodeRef=${lanes.map((n) => n.id).sort().join(',')}`);
  return parts.join('|');
}

function describe(value: unknown, reference: boolean): string {
  if (Array.isArray(value)) return `[${value.map((v) => describe(v, reference)).join(',')}]`;
  if (typeof value !== 'object' || value === null) return String(value);
  const element = value as Element;
  if (reference) return element.id ?? '?';
  return `{${signature(element)}}`;
}
