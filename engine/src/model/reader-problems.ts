import type { FromXmlError, ModdleWarning } from 'bpmn-moddle';
import type { Problem } from '../problems/index.js';
import { abbreviate } from './abbreviate.js';
import { ownerId } from './moddle-access.js';
import { xmlProblems } from './problems-xml.js';
import type { Where } from './problems-xml.js';
import { parseReaderMessage } from './reader-message.js';
import { syntaxMessageZh } from './syntax-message.js';
import { positionAt } from './source-position.js';
import { tagIdAt } from './tag-id-at.js';
import { knownNamespaces } from './text-elements.js';

/** Diagram interchange only draws; a broken reference there does not change what runs. */
const DRAWING_PREFIXES = ['bpmndi:', 'di:', 'dc:'];

/**
 * Every warning of the XML reader becomes a problem. Foreign namespaces
 * (camunda:, zeebe:, signavio:, flowable:) never get here: the reader keeps
 * their attributes and elements without a warning, as other tools' data.
 */
export function warningProblem(warning: ModdleWarning, text: string): Problem {
  const unknownAttribute = /^unknown attribute <(.+)>$/.exec(warning.message);
  if (unknownAttribute?.[1]) return unknownAttributeProblem(unknownAttribute[1], warning);

  const unresolved = /^unresolved reference <(.*)>$/.exec(warning.message);
  if (unresolved) return unresolvedProblem(unresolved[1] ?? '', warning);

  const encoding = /^unsupported document encoding <(.*)>/.exec(warning.message);
  if (encoding) return xmlProblems.encoding(encoding[1] ?? '');

  return positionedProblem(warning.message, text);
}

/** The reader gave up: broken XML, or no bpmn:definitions root. */
export function errorProblems(error: unknown, text: string): Problem[] {
  const warnings = (error as FromXmlError | undefined)?.warnings ?? [];
  const problems = warnings.map((warning) => warningProblem(warning, text));
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('failed to parse document as')) {
    // The root was not bpmn:definitions; a wrong-root warning says which element it was.
    if (!problems.some((p) => p.code === 'xml/wrong-root')) problems.push(xmlProblems.wrongRoot(undefined, {}));
  } else {
    problems.push(positionedProblem(message, text));
  }
  return problems;
}

function positionedProblem(message: string, text: string): Problem {
  const { detail, line, column } = parseReaderMessage(message);
  // At the end of the input the tokenizer's position is unreliable; the end is where the problem is.
  const where: Where = detail === 'unexpected end of file' ? positionAt(text, text.length)
    : line !== undefined && column !== undefined ? { line, column } : {};
  const named = (pattern: RegExp): string | undefined => pattern.exec(detail)?.[1];

  const duplicate = named(/^duplicate ID <(.*)>$/);
  if (duplicate !== undefined) return xmlProblems.duplicateId(duplicate, where);
  const illegal = named(/^illegal ID <(.*)>$/);
  if (illegal !== undefined) return xmlProblems.illegalId(illegal, where);
  const unknownType = named(/^unknown type <(.*)>$/);
  if (unknownType !== undefined) return xmlProblems.unknownElement(unknownType, withTagId(where, text));
  const unrecognized = named(/^unrecognized element <(.*)>$/);
  if (unrecognized !== undefined) {
    // In a namespace the reader knows, a dropped element is a loss; in another tool's, only misplaced data.
    const known = knownNamespaces().prefixes.has(unrecognized.includes(':') ? unrecognized.slice(0, unrecognized.indexOf(':')) : 'bpmn');
    return xmlProblems.unexpectedElement(unrecognized, known ? 'error' : 'warning', withTagId(where, text));
  }
  const wrongRoot = named(/^unexpected element <(.*)>$/);
  if (wrongRoot !== undefined) return xmlProblems.wrongRoot(wrongRoot, where);
  const bodyText = named(/^unexpected body text <([\s\S]*)>$/);
  if (bodyText !== undefined) return xmlProblems.unexpectedText(abbreviate(bodyText), where);
  return xmlProblems.malformed(syntaxMessageZh(detail), abbreviate(detail), withTagId(where, text));
}

function unknownAttributeProblem(name: string, warning: ModdleWarning): Problem {
  const type = warning.element?.$type ?? '';
  const tb = name.startsWith('tb:') || (!name.includes(':') && type.startsWith('tb:'));
  const elementId = ownerId(warning.element);
  return xmlProblems.unknownAttribute(name, tb, { ...(elementId ? { elementId } : {}), ...(type ? { elementType: type } : {}) });
}

function unresolvedProblem(ref: string, warning: ModdleWarning): Problem {
  const type = warning.element?.$type ?? '';
  const elementId = ownerId(warning.element);
  const drawing = DRAWING_PREFIXES.some((prefix) => type.startsWith(prefix));
  return xmlProblems.unresolvedReference(ref, warning.property, drawing ? 'warning' : 'error',
    { ...(elementId ? { elementId } : {}), ...(type ? { elementType: type } : {}) });
}

function withTagId(where: Where, text: string): Where {
  if (where.line === undefined || where.column === undefined) return where;
  const id = tagIdAt(text, where.line, where.column);
  return id ? { ...where, elementId: id } : where;
}
