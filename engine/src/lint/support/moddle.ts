/**
 * The little of a bpmn-moddle element the rules need. Rules work on any
 * bpmn-moddle tree, with or without the `tb:` descriptor, so nothing here
 * depends on the engine's model package.
 */
export interface ModdleElement {
  readonly $type: string;
  readonly $parent?: ModdleElement;
  /** Attributes the descriptor does not know, keyed by qualified name (`tb:department`). */
  readonly $attrs?: Readonly<Record<string, unknown>>;
  readonly id?: string;
  $instanceOf?(type: string): boolean;
  readonly [property: string]: unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** Type test that honours inheritance (`bpmn:UserTask` is a `bpmn:Task`). */
export function is(element: ModdleElement | undefined, type: string): boolean {
  if (!element) return false;
  return typeof element.$instanceOf === 'function' ? element.$instanceOf(type) : element.$type === type;
}

export function isAny(element: ModdleElement | undefined, types: readonly string[]): boolean {
  return types.some((type) => is(element, type));
}

/** A many-valued property (`outgoing`, `lanes`, `flowNodeRef`), empty when unset. */
export function many(element: ModdleElement | undefined, property: string): readonly ModdleElement[] {
  const value = element?.[property];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** A single-valued contained or referenced element, when it is one. */
export function one(element: ModdleElement | undefined, property: string): ModdleElement | undefined {
  const value = element?.[property];
  return isModdleElement(value) ? value : undefined;
}
