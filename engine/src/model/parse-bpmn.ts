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
import { mayReadLax, tooManyFlaws } from './read-budget.js';
import { scanXml } from './scan-xml.js';
import { positionAt } from './source-position.js';

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
  try {
    return await parse(input, options);
  } catch (error) {
    // Every step is written to report, not throw; this only keeps a bug in one from reaching the caller.
    return refused(modelProblems.readFailed(error instanceof Error ? error.message : String(error)));
  }
}

async function parse(input: string | Uint8Array, options: ParseOptions | undefined): Promise<ParseResult> {
  const limits = resolveLimits(options);
  const decoded = decodeInput(input, limits.maxBytes);
  if ('problem' in decoded) return refused(decoded.problem);
  const text = decoded.text;
  if (text.trim() === '') return refused(xmlProblems.empty());
  const scanned = scanXml(text, limits);
  if ('problem' in scanned) return refused(scanned.problem);
  const { stats } = scanned;
  if (tooManyFlaws(text, stats)) return refused(xmlProblems.tooManyErrors(positionAt(text, stats.firstFlaw)));

  const lax = mayReadLax(text, stats);
  let read: FromXmlResult;
  try {
    read = await createModdle().fromXML(text, { lax });
  } catch (error) {
    const problems = errorProblems(error, text);
    if (!lax && problems.some((p) => SKIPPABLE.has(p.code))) problems.push(xmlProblems.stoppedEarly());
    return { processes: [], problems: locateProblems(problems, text) };
  }
  // Warnings beyond the cap are not even turned into problems: a hostile document can have hundreds of thousands.
  const problems = read.warnings.slice(0, MAX_PROBLEMS + 1).map((warning) => warningProblem(warning, text));
  const processes = readModel(read.rootElement, problems);
  const total = problems.length + Math.max(0, read.warnings.length - MAX_PROBLEMS - 1);
  return { definitions: read.rootElement, processes, problems: locateProblems(capped(problems, total), text) };
}

/** More than anyone reads; the list stays small enough to send and show. */
const MAX_PROBLEMS = 1_000;

function capped(problems: Problem[], total: number): Problem[] {
  return total <= MAX_PROBLEMS ? problems : [...problems.slice(0, MAX_PROBLEMS), xmlProblems.truncated(MAX_PROBLEMS, total)];
}

/** Problems a lax reader skips past (dropping the element) and a strict one stops at. */
const SKIPPABLE = new Set(['xml/duplicate-id', 'xml/illegal-id', 'xml/unknown-element', 'tb/unknown-element', 'xml/unexpected-element']);

function refused(problem: Problem): ParseResult {
  return { processes: [], problems: [problem] };
}
