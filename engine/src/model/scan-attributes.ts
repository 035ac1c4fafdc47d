import { isNameChar, isNameStart, isWhitespace } from './xml-chars.js';

export interface AttributeScan {
  /** Attributes found, well-formed or not. */
  readonly count: number;
  /** How many warnings the XML tokenizer would raise for these attributes (at least). */
  readonly flaws: number;
  /** `xmlns` (prefix '') and `xmlns:p` declarations, in order. */
  readonly declarations: readonly (readonly [prefix: string, uri: string])[];
  /** Prefixes of the other prefixed attributes, which must be declared. */
  readonly prefixes: readonly string[];
}

const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const EQUALS = 61;

/**
 * Walks the attributes of a start tag the way saxen's attribute parser
 * does, counting each place where it would raise a warning instead of
 * raising one. `tag` is the text between `<` and `>` (without a closing
 * `/`), `from` the offset just after the element name.
 *
 * The count matters because every tokenizer warning costs bpmn-moddle a
 * pass over the document up to that point: many of them make parsing
 * quadratic, so the caller refuses a document with too many.
 */
export function scanAttributes(tag: string, from: number): AttributeScan {
  const declarations: (readonly [string, string])[] = [];
  const prefixes: string[] = [];
  const seen = new Set<string>();
  const length = tag.length;
  let flaws = 0;
  let count = 0;

  attributes: for (let i = from; i < length; i++) {
    let skip = false;
    let code = tag.charCodeAt(i);
    if (isWhitespace(code)) continue;
    count++;
    if (!isNameStart(code)) {
      flaws++;
      skip = true;
    }
    let j = i + 1;
    for (; j < length; j++) {
      code = tag.charCodeAt(j);
      if (isNameChar(code)) continue;
      if (isWhitespace(code)) {
        // A name without `=value`.
        flaws++;
        i = j;
        continue attributes;
      }
      if (code === EQUALS) break;
      flaws++;
      skip = true;
    }
    const name = tag.substring(i, j);
    if (name === 'xmlns:xmlns') {
      flaws++;
      skip = true;
    }

    let valueStart = j + 2;
    const quote = tag.charCodeAt(j + 1);
    if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
      j = tag.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", valueStart);
      if (j === -1) {
        j = tag.indexOf(quote === DOUBLE_QUOTE ? "'" : '"', valueStart);
        if (j !== -1) {
          flaws++;
          skip = true;
        }
      }
    } else {
      flaws++;
      skip = true;
      for (j = j + 1; j < length && !isWhitespace(tag.charCodeAt(j + 1)); j++);
      valueStart = j;
    }
    if (j === -1) {
      flaws++;
      skip = true;
      j = length;
    }
    const value = tag.substring(valueStart, j);

    // Anything between the closing quote and the next whitespace is one flaw.
    const valueEnd = j;
    for (; j + 1 < length && !isWhitespace(tag.charCodeAt(j + 1)); j++) {
      if (j === valueEnd) {
        flaws++;
        skip = true;
      }
    }
    i = j + 1;
    if (skip) continue;
    if (seen.has(name)) {
      flaws++;
      continue;
    }
    seen.add(name);
    if (name === 'xmlns') declarations.push(['', value]);
    else if (name.startsWith('xmlns:')) declarations.push([name.slice(6), value]);
    else if (name.includes(':')) prefixes.push(name.slice(0, name.indexOf(':')));
  }
  return { count, flaws, declarations, prefixes };
}
