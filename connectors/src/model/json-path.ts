/**
 * The response paths a connector may declare: `$.data.name`, `data.items[0].code`.
 * Deliberately not full JSONPath (no wildcards, filters or recursion): a
 * connector maps one value to one field, and a small grammar is easy to
 * audit against the data-sharing agreement.
 */
export type PathSegment = string | number;

const SEGMENT = /^(?:\.?([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff-]*)|\[(\d{1,6})\])/u;

/** The segments of a path, or undefined when it is not in the grammar. */
export function parseJsonPath(path: string): PathSegment[] | undefined {
  let rest = path.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  else if (rest.startsWith('.')) return undefined;
  if (rest === '') return undefined;
  const segments: PathSegment[] = [];
  while (rest !== '') {
    const match = SEGMENT.exec(rest);
    if (!match) return undefined;
    segments.push(match[1] !== undefined ? match[1] : Number(match[2]));
    rest = rest.slice(match[0].length);
  }
  return segments;
}

/**
 * The value at a path, or undefined. Own properties only, so a path such as
 * `constructor` never reaches into Object.prototype.
 */
export function readJsonPath(document: unknown, segments: readonly PathSegment[]): unknown {
  let current: unknown = document;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return undefined;
      current = current[segment];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
      if (!Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
