import { Command } from 'commander';
import { loadDefinition } from '../../src/index.js';
import { EXIT } from '../support/cli-error.js';
import { printProblems } from '../support/format-problems.js';
import type { Io } from '../support/io.js';
import { languageOption, type Language } from '../support/language.js';
import { readBpmn } from '../support/read-bpmn.js';
import { runAction } from '../support/run-action.js';

export interface LintOptions {
  readonly json?: boolean;
  readonly lang: Language;
}

/**
 * `tongban lint FILE`: every problem of parsing, linting and compiling.
 * Exit 0 when there is none, 1 when there is any (warnings included).
 */
export async function lint(file: string, options: LintOptions, io: Io): Promise<number> {
  const { problems } = await loadDefinition(await readBpmn(file));
  printProblems(io, problems, options);
  return problems.length === 0 ? EXIT.ok : EXIT.problems;
}

export function lintCommand(): Command {
  return new Command('lint')
    .description('检查流程图：解析、校验规则、编译 (parse, lint and compile a diagram)')
    .argument('<file>', 'BPMN 文件 (BPMN file)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .addOption(languageOption())
    .action(runAction(lint));
}
