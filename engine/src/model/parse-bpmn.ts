import type { FromXmlResult, ModdleElement } from 'bpmn-moddle';
import type { Problem } from '../problems/index.js';
import type { ProcessModel } from './types.js';
import { createModdle } from './create-moddle.js';
import { decodeInput } from './decode-input.js';
import { locateProblems } from './locate-problems.js';
import { resolveLimits } from './parse-limits.js';
import type { ParseOptions } from './parse-limits.js';
import { modelProblems } from './problems-model.js';
import { xmlProblems } from './problems-xml.js';
import { errorProblems, warningProblem } from './reader-problems.js';
import { readModel } from './read-model.js';
import { scanXml } from './scan-xml.js';

export type { ParseOptions } from './parse-limits.js';

export interface ParseResult {
  /** The bpmn-moddle root, for the linter; absent when the XML could not be read. */
  readonly definitions?: ModdleElement;
  readonly processes: ProcessModel[];
  readonly problems: Problem[];
}

/**
 * Reads a BPMN 2.0 document into the engine's model, collecting every
 * problem of every layer in one pass. Never throws for bad input: whatever
 * the bytes, the answer is a result whose problems say what is wrong.
 *
 * Hostile input is refused before the XML parser sees it (size, encoding,
 * DTDs, nesting, element count; see `ParseOptions`), so the parser and the
 * model reader only ever work on bounded documents.
 */
export async function parseBpmn(input: string | Uint8Array, options?: ParseOptions): Promise<ParseResult> {
  const limits = resolveLimits(options);
  const decoded = decodeInput(input, limits.maxBytes);
  if ('problem' in decoded) return refused(decoded.problem);
  const text = decoded.text;
  if (text.trim() === '') return refused(xmlProblems.empty());
  const scanned = scanXml(text, limits);
  if (scanned) return refused(scanned);

  let read: FromXmlResult;
  try {
    read = await createModdle().fromXML(text);
  } catch (error) {
    return { processes: [], problems: locateProblems(errorProblems(error, text), text) };
  }
  const problems = read.warnings.map((warning) => warningProblem(warning, text));
  const processes = readModelSafely(read.rootElement, problems);
  return { definitions: read.rootElement, processes, problems: locateProblems(problems, text) };
}

function refused(problem: Problem): ParseResult {
  return { processes: [], problems: [problem] };
}

/** The reader is written to tolerate any tree; should it still fail, the caller gets a problem, not an exception. */
function readModelSafely(definitions: ModdleElement, problems: Problem[]): ProcessModel[] {
  try {
    return readModel(definitions, problems);
  } catch (error) {
    problems.push(modelProblems.readFailed(error instanceof Error ? error.message : String(error)));
    return [];
  }
}
