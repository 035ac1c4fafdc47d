import type { ModdleElement } from './moddle.js';

/**
 * Reads a `tb:` attribute as written in the diagram. With the `tb:`
 * descriptor registered, moddle puts it on a typed property
 * (`element.department`); without it, moddle keeps it in
 * `$attrs['tb:department']`. Generic extension elements (`tb:prefill`
 * without the descriptor) carry their attributes as plain properties, which
 * the first lookup also covers.
 *
 * Own properties only: moddle serves descriptor defaults (`countersign`
 * defaults to `all`) from the prototype, and a rule must judge what the
 * modeller wrote, not what the runtime would assume. Typed numbers
 * (`passRatio` as Real) come back as text so every rule parses one way.
 *
 * A blank value counts as absent: an emptied field in the properties panel
 * means "not set", and reporting it twice (missing and malformed) helps no one.
 */
export function tbAttribute(element: ModdleElement, name: string): string | undefined {
  const value = Object.hasOwn(element, name) ? element[name] : element.$attrs?.[`tb:${name}`];
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  return text.trim() === '' ? undefined : text;
}
