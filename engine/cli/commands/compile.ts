import { Command } from 'commander';
import { loadDefinition } from '../../src/index.js';
import { EXIT } from '../support/cli-error.js';
import { printProblems, problemJson } from '../support/format-problems.js';
import { printJson, type Io } from '../support/io.js';
import { languageOption, pick, type Language } from '../support/language.js';
import { readBpmn } from '../support/read-bpmn.js';
import { runAction } from '../support/run-action.js';
import { stateTree, stateTreeLines } from '../support/state-tree.js';

export interface CompileOptions {
  readonly json?: boolean;
  readonly lang: Language;
}

/**
 * `tongban compile FILE`: the statechart of every executable process, as an
 * indented tree. Exit 1 with the problems when the diagram does not compile.
 */
export async function compile(file: string, options: CompileOptions, io: Io): Promise<number> {
  const loaded = await loadDefinition(await readBpmn(file));
  if (!loaded.ok) {
    printProblems(io, loaded.problems, options);
    return EXIT.problems;
  }
  const processes = loaded.processes.map((compiled) => ({
    processId: compiled.processId,
    ...(compiled.model.name !== undefined ? { name: compiled.model.name } : {}),
    root: stateTree(compiled),
  }));
  if (options.json) {
    printJson(io, { processes, problems: loaded.problems.map((p) => problemJson(p, options.lang)) });
    return EXIT.ok;
  }
  for (const entry of processes) {
    io.out(`${pick(options.lang, '流程', 'Process')} ${entry.processId}${entry.name !== undefined ? `  ${entry.name}` : ''}\n`);
    for (const line of stateTreeLines(entry.root, 1)) io.out(`${line}\n`);
  }
  // Warnings do not stop compilation; they go to stderr so stdout stays the tree.
  if (loaded.problems.length > 0) printProblems({ ...io, out: io.err }, loaded.problems, options);
  return EXIT.ok;
}

export function compileCommand(): Command {
  return new Command('compile')
    .description('编译流程图并显示状态机结构 (compile a diagram and show its statechart)')
    .argument('<file>', 'BPMN 文件 (BPMN file)')
    .option('--json', '以 JSON 输出状态树 (print the state tree as JSON)')
    .addOption(languageOption())
    .action(runAction(compile));
}
