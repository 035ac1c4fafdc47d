import { Command } from 'commander';
import { analyseDesign, parseBpmn, type DesignAnalysis, type ProcessModel, type Problem } from '../../src/index.js';
import { EXIT, UsageError } from '../support/cli-error.js';
import { printProblems, problemJson, problemLines } from '../support/format-problems.js';
import { printJson, type Io } from '../support/io.js';
import { languageOption, pick, type Language } from '../support/language.js';
import { readBpmn } from '../support/read-bpmn.js';
import { runAction } from '../support/run-action.js';

export interface AnalyseOptions {
  readonly asIs?: string;
  readonly process?: string;
  readonly json?: boolean;
  readonly lang: Language;
}

/**
 * `tongban analyse FILE [--as-is AS-IS]`: the design-time time-limit
 * analysis (docs/analysis.md) — as-is and to-be durations, compression,
 * critical path, slack, departments, prefill. Exit 1 with the problems when
 * a diagram does not parse; the analysis's own warnings leave it 0.
 */
export async function analyse(file: string, options: AnalyseOptions, io: Io): Promise<number> {
  const toBe = await readProcess(file, options.process);
  const asIs = options.asIs !== undefined ? await readProcess(options.asIs, undefined) : undefined;
  const errors = [...toBe.problems, ...(asIs?.problems ?? [])].filter((p) => p.severity === 'error');
  if (errors.length > 0 || !toBe.model || (asIs && !asIs.model)) {
    printProblems(io, errors, options);
    return EXIT.problems;
  }
  const analysis = analyseDesign(toBe.model, asIs?.model ? { asIsModel: asIs.model } : {});
  const problems = [...toBe.problems, ...(asIs?.problems ?? []), ...analysis.problems];
  if (options.json) {
    printJson(io, {
      ...analysis,
      notes: analysis.notes.map((n) => ({ code: n.code, ...(n.elementId !== undefined ? { elementId: n.elementId } : {}), message: pick(options.lang, n.message, n.messageEn) })),
      problems: problems.map((p) => problemJson(p, options.lang)),
    });
    return EXIT.ok;
  }
  for (const line of summaryLines(toBe.model, analysis, options.lang)) io.out(`${line}\n`);
  if (problems.length > 0) for (const line of problemLines(problems, options.lang)) io.err(`${line}\n`);
  return EXIT.ok;
}

async function readProcess(file: string, wanted: string | undefined): Promise<{ model?: ProcessModel; problems: Problem[] }> {
  const parsed = await parseBpmn(await readBpmn(file));
  if (parsed.problems.some((p) => p.severity === 'error')) return { problems: parsed.problems };
  return { model: chooseProcess(parsed.processes, wanted, file), problems: parsed.problems };
}

/** The process asked for, else the only one, else the first executable one. */
function chooseProcess(processes: readonly ProcessModel[], wanted: string | undefined, file: string): ProcessModel {
  const ids = processes.map((p) => p.id).join(', ');
  if (wanted !== undefined) {
    const found = processes.find((p) => p.id === wanted);
    if (!found) throw new UsageError(`${file} 中没有流程 ${wanted}，可选：${ids} (no process ${wanted}; choose one of: ${ids})`);
    return found;
  }
  const chosen = processes.find((p) => p.executable) ?? processes[0];
  if (!chosen) throw new UsageError(`${file} 中没有流程 (no process in ${file})`);
  return chosen;
}

const days = (n: number): string => String(Number(n.toFixed(2)));

/** The figures for people, each label in Chinese with its English after it. */
function summaryLines(model: ProcessModel, a: DesignAnalysis, lang: Language): string[] {
  const names = new Map<string, string>();
  const collect = (scope: ProcessModel['scope']): void => {
    for (const node of scope.nodes.values()) {
      if (node.name !== undefined) names.set(node.id, node.name);
      if (node.kind === 'subProcess') collect(node.scope);
    }
  };
  collect(model.scope);
  const label = (id: string) => (names.has(id) ? `${id} ${names.get(id)}` : id);
  const basis = a.asIs.basis === 'as-is-path'
    ? '现状流程的最长路径 (longest path through the as-is process)'
    : '各事项法定时限串联之和 (serial sum of the items\' legal limits)';
  const lines = [
    `${model.name ?? model.id} (${model.id})`,
    `现状 (as-is): ${days(a.asIs.workingDays)} 个工作日 (working days)，${basis}`,
    `再造后 (to-be): ${days(a.toBe.workingDays)} 个工作日 (working days)，承诺时限的关键路径 (critical path of the promised limits)`,
  ];
  if (a.toBe.expectedWorkingDays !== undefined) {
    lines.push(`按分支概率的期望 (expected by branch probabilities): ${days(a.toBe.expectedWorkingDays)} 个工作日 (working days)`);
  }
  const speedUp = a.speedUp !== undefined ? `，提速 ${days(a.speedUp)} 倍 (${days(a.speedUp)}× faster)` : '';
  lines.push(
    `压缩 (compression): ${(a.compressionRatio * 100).toFixed(1)}%${speedUp}`,
    `关键路径 (critical path): ${a.criticalPath.map(label).join(' → ') || '—'}`,
    `关键部门 (critical departments): ${a.criticalDepartments.join(', ') || '—'}`,
    '部门 (departments)  承诺 / 法定 工作日 (promised / legal working days):',
  );
  for (const d of a.perDepartment) {
    const critical = d.onCriticalPath ? '  关键 (critical)' : '';
    lines.push(`  ${d.department || '（未指定部门 / no department）'}  ${days(d.promisedWorkingDays)} / ${days(d.legalWorkingDays)}${critical}  ${d.tasks.join(', ')}`);
  }
  const slack = Object.entries(a.slack).filter(([, s]) => s > 0);
  if (slack.length > 0) lines.push(`浮动时间 (slack, working days): ${slack.map(([id, s]) => `${id} ${days(s)}`).join(', ')}`);
  if (a.prefill.fieldsPrefilled > 0) {
    lines.push(`预填 (prefill): ${a.prefill.fieldsPrefilled} 个字段 (fields)，来自 (from) ${a.prefill.connectors.join(', ')}`);
  }
  if (a.missingLegalLimit.length > 0) {
    lines.push(`无法定时限、按承诺时限计 (no legal limit, promised limit counted): ${a.missingLegalLimit.join(', ')}`);
  }
  for (const note of a.notes) lines.push(`说明 (note): ${[note.elementId, pick(lang, note.message, note.messageEn)].filter((part) => part !== undefined).join(' ')}`);
  return lines;
}

export function analyseCommand(): Command {
  return new Command('analyse')
    .description('办理时限分析：现状与再造后时长、压缩比、关键路径 (time-limit analysis: as-is and to-be durations, compression, critical path)')
    .argument('<file>', '再造后（并联）BPMN 文件 (to-be, parallel BPMN file)')
    .option('--as-is <file>', '现状（串联）BPMN 文件，按其最长路径计现状时长 (serial as-is BPMN: its longest path is the as-is duration)')
    .option('--process <id>', '文件中有多个流程时选择一个 (pick a process when the file has several)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .addOption(languageOption())
    .action(runAction(analyse));
}
