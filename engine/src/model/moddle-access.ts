import type { ModdleElement } from 'bpmn-moddle';

/**
 * Typed reads of a moddle element. Moddle properties are untyped at compile
 * time and may be absent, of the wrong kind, or blank in a hostile document;
 * every read of the tree goes through these so the reader never trusts a shape.
 */
export function isElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** A contained or referenced element. */
export function child(element: ModdleElement | undefined, property: string): ModdleElement | undefined {
  const value = element?.[property];
  return isElement(value) ? value : undefined;
}

/** A many-valued property, empty when unset. */
export function children(element: ModdleElement | undefined, property: string): readonly ModdleElement[] {
  const value = element?.[property];
  return Array.isArray(value) ? value.filter(isElement) : [];
}

/** A text attribute, trimmed; blank counts as absent (an emptied field in the properties panel). */
export function text(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.[property];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A text attribute exactly as written (names keep their spaces). */
export function rawText(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.[property];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function flag(element: ModdleElement | undefined, property: string): boolean | undefined {
  const value = element?.[property];
  return typeof value === 'boolean' ? value : undefined;
}

export function idOf(element: ModdleElement | undefined): string | undefined {
  return typeof element?.id === 'string' && element.id !== '' ? element.id : undefined;
}

/** The id of the element or of its nearest ancestor that has one: where a designer can be pointed to. */
export function ownerId(element: ModdleElement | undefined): string | undefined {
  for (let current = element; current; current = current.$parent) {
    const id = idOf(current);
    if (id) return id;
  }
  return undefined;
}

/** The values inside `bpmn:extensionElements`. */
export function extensionValues(element: ModdleElement): readonly ModdleElement[] {
  return children(child(element, 'extensionElements'), 'values');
}
