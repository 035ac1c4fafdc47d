import { compileProcess, type CompiledProcess } from '../compile/index.js';
import { lintDefinitions } from '../lint/index.js';
import { locateProblems, parseBpmn, type ParseOptions } from '../model/index.js';
import { hasErrors, type Problem } from '../problems/index.js';
import { dedupeProblems } from './dedupe-problems.js';
import { linkFlowRefs } from './link-flow-refs.js';

export interface LoadOptions {
  readonly parse?: ParseOptions;
  /** Forms and connectors that references in the diagram must name. */
  readonly catalogue?: { readonly forms?: readonly string[]; readonly connectors?: readonly string[] };
}

export interface LoadedDefinition {
  /** Every problem of parsing, linting and compiling, in that order. */
  readonly problems: readonly Problem[];
  /** The compiled executable processes; empty when any error was found. */
  readonly processes: readonly CompiledProcess[];
  readonly ok: boolean;
}

/**
 * BPMN XML → problems and compiled processes: parse, lint, compile, in one
 * pass that reports everything it finds. Only a definition without error
 * problems yields processes.
 */
export async function loadDefinition(xml: string | Uint8Array, options: LoadOptions = {}): Promise<LoadedDefinition> {
  const parsed = await parseBpmn(xml, options.parse);
  const problems: Problem[] = [...parsed.problems];
  if (!parsed.definitions) return { problems, processes: [], ok: false };
  linkFlowRefs(parsed.definitions);
  problems.push(...await lintDefinitions(parsed.definitions, options.catalogue ? { catalogue: { ...options.catalogue } } : {}));
  const processes: CompiledProcess[] = [];
  for (const model of parsed.processes) {
    if (!model.executable) continue;
    const result = compileProcess(model);
    problems.push(...result.problems);
    if (result.ok) processes.push(result.process);
  }
  const ok = !hasErrors(problems) && processes.length > 0;
  if (processes.length === 0 && !hasErrors(problems)) {
    problems.push({
      code: 'definition/no-executable-process', severity: 'error',
      message: '文件中没有可执行的流程（isExecutable="true"）', messageEn: 'The file has no executable process (isExecutable="true")',
    });
  }
  // The linter and the compiler know element ids, not positions.
  const text = typeof xml === 'string' ? xml : new TextDecoder('utf-8').decode(xml);
  return { problems: locateProblems(dedupeProblems(problems), text), processes: ok ? processes : [], ok };
}
