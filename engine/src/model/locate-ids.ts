import type { Position } from './source-position.js';

const ID_ATTRIBUTE = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Where each `id` attribute's element starts, so problems found on the
 * model (which has no positions) still point at a line. The first occurrence
 * of an id wins, as it does for the XML reader.
 *
 * Strictly one forward pass: the start tag is the last `<` before the match,
 * found by walking forward and remembering, never by searching backwards
 * (which would be quadratic on a tag with many `id=` in its values).
 */
export function locateIds(text: string): ReadonlyMap<string, Position> {
  const found = new Map<string, Position>();
  let line = 1;
  let lineStart = 0;
  let newline = text.indexOf('\n');
  let tagStart = 0;
  let nextTag = text.indexOf('<');
  for (const match of text.matchAll(ID_ATTRIBUTE)) {
    while (nextTag !== -1 && nextTag < match.index) {
      tagStart = nextTag;
      nextTag = text.indexOf('<', nextTag + 1);
    }
    while (newline !== -1 && newline < tagStart) {
      line++;
      lineStart = newline + 1;
      newline = text.indexOf('\n', lineStart);
    }
    const id = match[1] ?? match[2] ?? '';
    if (!found.has(id)) found.set(id, { line, column: tagStart - lineStart + 1 });
  }
  return found;
}
