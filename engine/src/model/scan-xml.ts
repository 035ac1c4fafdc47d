import type { Problem } from '../problems/index.js';
import type { ParseLimits } from './parse-limits.js';
import { xmlProblems } from './problems-xml.js';
import { positionAt } from './source-position.js';

/** `<!DOCTYPE` or `<!ENTITY` anywhere, in any case, with or without space after `<!`. */
const DECLARATION = /<!\s*(?:DOCTYPE|ENTITY)/i;

/**
 * A cheap guard before the real XML parser: refuses DTDs (external entities,
 * entity expansion) and documents nested too deep or holding too many
 * elements, in one linear, non-recursive pass over the tags.
 *
 * It tokenises the way the parser does (saxen: comments, CDATA and
 * processing instructions are skipped whole, quoted attribute values may
 * hold `>`), so what it counts is what the parser would build. Anything it
 * cannot make sense of (an unclosed tag, say) it leaves to the parser, which
 * reports it with a position.
 */
export function scanXml(text: string, limits: Pick<ParseLimits, 'maxDepth' | 'maxElements'>): Problem | undefined {
  const declaration = DECLARATION.exec(text);
  if (declaration) return xmlProblems.doctype(positionAt(text, declaration.index));

  let depth = 0;
  let elements = 0;
  for (let start = text.indexOf('<'); start !== -1; ) {
    const end = tokenEnd(text, start);
    if (end === -1) return undefined;
    const kind = text.charCodeAt(start + 1);
    if (kind === SLASH) {
      depth = Math.max(0, depth - 1);
    } else if (kind === BANG && !isCommentOrCdata(text, start)) {
      // Any other `<!…>` is a DTD declaration (ELEMENT, ATTLIST, NOTATION…).
      return xmlProblems.doctype(positionAt(text, start));
    } else if (kind !== BANG && kind !== QUESTION) {
      elements++;
      if (elements > limits.maxElements) return xmlProblems.tooManyElements(limits.maxElements, positionAt(text, start));
      if (text.charCodeAt(end - 1) !== SLASH) {
        depth++;
        if (depth > limits.maxDepth) return xmlProblems.tooDeep(limits.maxDepth, positionAt(text, start));
      }
    }
    start = text.indexOf('<', end + 1);
  }
  return undefined;
}

const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const GREATER = 62;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

function isCommentOrCdata(text: string, start: number): boolean {
  return text.startsWith('<!--', start) || text.startsWith('<![CDATA[', start);
}

/** Offset of the last character of the token starting at `start`, or -1 when it never ends. */
function tokenEnd(text: string, start: number): number {
  if (text.startsWith('<!--', start)) return endAfter(text, '-->', start + 4);
  if (text.startsWith('<![CDATA[', start)) return endAfter(text, ']]>', start + 9);
  if (text.charCodeAt(start + 1) === QUESTION) return endAfter(text, '?>', start + 2);
  return tagEnd(text, start + 1);
}

function endAfter(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length - 1;
}

/** The closing `>` of a tag, skipping quoted attribute values; an unpaired quote is skipped as saxen does. */
function tagEnd(text: string, from: number): number {
  for (let x = from; x < text.length; x++) {
    const c = text.charCodeAt(x);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const close = text.indexOf(c === DOUBLE_QUOTE ? '"' : "'", x + 1);
      if (close !== -1) x = close;
    } else if (c === GREATER) {
      return x;
    }
  }
  return -1;
}
