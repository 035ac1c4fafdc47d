import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { parseBpmn, reengineer, type ProcessModel, type ReengineerResult } from '../../src/index.js';
import { EXIT, UsageError } from '../support/cli-error.js';
import { printProblems, problemJson, problemLines } from '../support/format-problems.js';
import { printJson, type Io } from '../support/io.js';
import { languageOption, type Language } from '../support/language.js';
import { readBpmn } from '../support/read-bpmn.js';
import { runAction } from '../support/run-action.js';

export interface ReengineerOptions {
  readonly output: string;
  readonly json?: boolean;
  readonly lang: Language;
  readonly process?: string;
}

/**
 * `tongban reengineer AS-IS -o TO-BE`: the serial as-is chain redrawn as
 * parallel stages from what each task reads and writes, written as a laid-out
 * diagram, with the stages and the predicted compression. Exit 1 (and no
 * file) when the input is not a serial chain or its dependencies form a
 * cycle; warnings go to stderr and do not change the exit code.
 */
export async function reengineerFile(file: string, options: ReengineerOptions, io: Io): Promise<number> {
  if (resolve(options.output) === resolve(file)) {
    throw new UsageError(`输出文件不能是输入的现状流程 (the output must not overwrite the as-is input): ${file}`);
  }
  const parsed = await parseBpmn(await readBpmn(file));
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    printProblems(io, errors, options);
    return EXIT.problems;
  }
  const model = chooseProcess(parsed.processes, options.process);
  const result = await reengineer(model);
  if (result.xml !== undefined) await writeOutput(options.output, result.xml);
  const written = result.xml !== undefined;

  if (options.json) {
    printJson(io, {
      stages: result.stages,
      ...(result.prediction ? { prediction: result.prediction } : {}),
      problems: result.problems.map((p) => problemJson(p, options.lang)),
      ...(written ? { output: options.output } : {}),
    });
  } else if (written) {
    for (const line of summaryLines(model, result, options.output)) io.out(`${line}\n`);
    if (result.problems.length > 0) for (const line of problemLines(result.problems, options.lang)) io.err(`${line}\n`);
  } else {
    printProblems(io, result.problems, options);
  }
  return written ? EXIT.ok : EXIT.problems;
}

/** `阶段 1 (stage 1)  Task_accept 综合窗口受理`, then the prediction and where the file went. */
function summaryLines(model: ProcessModel, result: ReengineerResult, output: string): string[] {
  const label = (id: string) => {
    const name = model.scope.nodes.get(id)?.name;
    return name === undefined ? id : `${id} ${name}`;
  };
  const lines = result.stages.map((ids, i) =>
    `阶段 ${i + 1} (stage ${i + 1})${ids.length > 1 ? ` 并联 ${ids.length} 项 (${ids.length} in parallel)` : ''}: ${ids.map(label).join(' ∥ ')}`);
  const p = result.prediction;
  if (p) {
    const days = (n: number) => Number(n.toFixed(2));
    const percent = `${(p.compressionRatio * 100).toFixed(1)}%`;
    lines.push(
      `预计办理时限：现状串联 ${days(p.asIsWorkingDays)} 个工作日 → 再造后 ${days(p.toBeWorkingDays)} 个工作日，压缩 ${percent}`,
      `Predicted: ${days(p.asIsWorkingDays)} working days serial → ${days(p.toBeWorkingDays)} after re-engineering, ${percent} shorter`,
    );
  }
  lines.push(`已写入 (written): ${output}`);
  return lines;
}

function chooseProcess(processes: readonly ProcessModel[], wanted: string | undefined): ProcessModel {
  const ids = processes.map((p) => p.id).join(', ');
  if (wanted !== undefined) {
    const found = processes.find((p) => p.id === wanted);
    if (!found) throw new UsageError(`文件中没有流程 ${wanted}，可选：${ids} (no process ${wanted}; choose one of: ${ids})`);
    return found;
  }
  if (processes.length > 1) throw new UsageError(`文件中有多个流程，请用 --process 选择：${ids} (several processes; pick one with --process)`);
  return processes[0]!;
}

async function writeOutput(path: string, xml: string): Promise<void> {
  try {
    await writeFile(path, xml);
  } catch (error) {
    throw new UsageError(`无法写入文件 (cannot write file): ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function reengineerCommand(): Command {
  return new Command('reengineer')
    .description('串联改并联：按任务读写的数据生成并联办理的流程图 (re-engineer a serial process into parallel stages)')
    .argument('<file>', '现状串联 BPMN 文件 (serial as-is BPMN file)')
    .requiredOption('-o, --output <file>', '写入再造后的 BPMN 文件 (where to write the to-be BPMN)')
    .option('--process <id>', '文件中有多个流程时选择一个 (pick a process when the file has several)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .addOption(languageOption())
    .action(runAction(reengineerFile));
}
