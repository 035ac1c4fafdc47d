import type { Problem } from '../problems/index.js';
import { NamespaceScopes } from './namespace-scopes.js';
import type { ParseLimits } from './parse-limits.js';
import { xmlProblems } from './problems-xml.js';
import { scanAttributes } from './scan-attributes.js';
import { positionAt } from './source-position.js';
import { knownNamespaces } from './text-elements.js';
import { isNameChar, isNameStart, isWhitespace } from './xml-chars.js';

export interface ScanStats {
  readonly elements: number;
  readonly lines: number;
  /**
   * At least as many as the warnings the tokenizer and the reader would
   * raise for attributes and text (each one costs them a pass over the
   * document so far), with the offset of the first; -1 when there is none.
   */
  readonly flaws: number;
  readonly firstFlaw: number;
}

export type ScanResult = { readonly problem: Problem } | { readonly stats: ScanStats };

/** `<!DOCTYPE` or `<!ENTITY` anywhere, in any case, with or without space after `<!`. */
const DECLARATION = /<!\s*(?:DOCTYPE|ENTITY)/i;

/** No BPMN tool writes more than a few dozen; the reader's cost grows with every one. */
const MAX_ATTRIBUTES = 100;

const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const GREATER = 62;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/**
 * A cheap guard before the real XML parser, in one linear, non-recursive
 * pass over the tags: refuses DTDs (external entities, entity expansion),
 * documents nested too deep or holding too many elements, and measures what
 * the parser would have to warn about.
 *
 * It tokenises as the parser does (saxen: comments, CDATA and processing
 * instructions are skipped whole, quoted attribute values may hold `>`), so
 * what it counts is what the parser would see. Where the parser would stop
 * with an error (an unclosed tag, an illegal name), the scan stops too and
 * leaves the reporting to the parser, which knows the position.
 */
export function scanXml(text: string, limits: Pick<ParseLimits, 'maxDepth' | 'maxElements'>): ScanResult {
  const declaration = DECLARATION.exec(text);
  if (declaration) return { problem: xmlProblems.doctype(positionAt(text, declaration.index)) };

  const known = knownNamespaces();
  const scopes = new NamespaceScopes(known.prefixes);
  /** Per open element: does it take text. Its length is the depth. */
  const open: boolean[] = [];
  let elements = 0;
  let flaws = 0;
  let firstFlaw = -1;
  let rootSeen = false;
  /** Non-whitespace text or CDATA outside the root is not XML; inside an element that takes none it is a warning. */
  const checkText = (from: number, to: number, cdata: boolean): Problem | undefined => {
    if (!cdata && text.slice(from, to).trim() === '') return undefined;
    if (open.length === 0) return outsideRoot(text, from);
    if (open[open.length - 1] === false) {
      if (firstFlaw === -1) firstFlaw = from;
      flaws++;
    }
    return undefined;
  };

  /** The findings so far; also where the parser will stop with an error of its own, which it reports better, with a position. */
  const finish = (): ScanResult => ({ stats: { elements, lines: countLines(text), flaws, firstFlaw } });

  let textFrom = 0;
  for (let start = text.indexOf('<'); start !== -1; start = text.indexOf('<', textFrom)) {
    const stray = checkText(textFrom, start, false);
    if (stray) return { problem: stray };
    const end = tokenEnd(text, start);
    if (end === -1) return finish();
    textFrom = end + 1;
    const kind = text.charCodeAt(start + 1);
    if (text.startsWith('<![CDATA[', start)) {
      const strayCdata = checkText(start, end, true);
      if (strayCdata) return { problem: strayCdata };
    } else if (kind === QUESTION || text.startsWith('<!--', start)) {
      continue;
    } else if (kind === BANG) {
      // Any other `<!…>` is a DTD declaration (ELEMENT, ATTLIST, NOTATION…).
      return { problem: xmlProblems.doctype(positionAt(text, start)) };
    } else if (kind === SLASH) {
      if (open.length === 0) return finish();
      open.pop();
      scopes.pop();
    } else {
      if (open.length === 0 && rootSeen) return { problem: outsideRoot(text, start) };
      rootSeen = true;
      elements++;
      if (elements > limits.maxElements) return { problem: xmlProblems.tooManyElements(limits.maxElements, positionAt(text, start)) };
      const selfClosing = text.charCodeAt(end - 1) === SLASH;
      const element = readStartTag(text.slice(start + 1, selfClosing ? end - 1 : end), scopes, known.acceptsText);
      if (!element) return finish();
      if (element.attributes > MAX_ATTRIBUTES) return { problem: xmlProblems.tooManyAttributes(MAX_ATTRIBUTES, positionAt(text, start)) };
      if (element.flaws > 0 && firstFlaw === -1) firstFlaw = start;
      flaws += element.flaws;
      if (!selfClosing) {
        if (open.length >= limits.maxDepth) return { problem: xmlProblems.tooDeep(limits.maxDepth, positionAt(text, start)) };
        open.push(element.takesText);
        scopes.push(element.declared);
      }
    }
  }
  if (!rootSeen) {
    return { problem: xmlProblems.malformed('找不到根元素', 'there is no root element', textFrom > 0 ? positionAt(text, textFrom) : {}) };
  }
  const trailing = checkText(textFrom, text.length, false);
  if (trailing) return { problem: trailing };
  return finish();
}

function outsideRoot(text: string, offset: number): Problem {
  return xmlProblems.malformed('根元素之外不能有其他内容（文本、CDATA 或第二个根元素）',
    'nothing may follow or precede the root element but comments and whitespace', positionAt(text, offset));
}

interface StartTag {
  readonly attributes: number;
  readonly flaws: number;
  readonly declared: ReadonlyMap<string, string>;
  readonly takesText: boolean;
}

/** Name, attributes and namespace of a start tag; undefined where the parser would stop with an error. */
function readStartTag(tag: string, scopes: NamespaceScopes, acceptsText: (uri: string, localName: string) => boolean): StartTag | undefined {
  let nameEnd = 0;
  while (nameEnd < tag.length && !isWhitespace(tag.charCodeAt(nameEnd))) nameEnd++;
  const name = tag.slice(0, nameEnd);
  if (!isNameStart(name.charCodeAt(0))) return undefined;
  for (let i = 1; i < name.length; i++) if (!isNameChar(name.charCodeAt(i))) return undefined;

  const attributes = scanAttributes(tag, nameEnd);
  const declared = new Map(attributes.declarations);
  const undeclared = attributes.prefixes.filter((prefix) => scopes.resolve(prefix, declared) === undefined).length;
  const colon = name.indexOf(':');
  const uri = scopes.resolve(colon === -1 ? '' : name.slice(0, colon), declared);
  if (colon !== -1 && uri === undefined) return undefined;
  return {
    attributes: attributes.count,
    flaws: attributes.flaws + undeclared,
    declared,
    takesText: uri === undefined || acceptsText(uri, name.slice(colon + 1)),
  };
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

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
