import { offsetAt } from './source-position.js';

/** Longest start tag looked at: enough for any real element, bounded for hostile ones. */
const MAX_TAG = 4096;

/**
 * The `id` attribute of the start tag at a position the XML reader reported,
 * for problems about elements the reader dropped (so they have no moddle
 * element to take the id from).
 */
export function tagIdAt(text: string, line: number, column: number): string | undefined {
  const offset = offsetAt(text, line - 1, column - 1);
  if (offset < 0 || text.charCodeAt(offset) !== 60) return undefined;
  const window = text.slice(offset, offset + MAX_TAG);
  const end = window.indexOf('>');
  const tag = end === -1 ? window : window.slice(0, end);
  const match = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
  const id = match?.[1] ?? match?.[2];
  return id ? id : undefined;
}
