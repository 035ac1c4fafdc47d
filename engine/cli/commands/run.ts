import { Command, InvalidArgumentError, Option } from 'commander';
import { createWorkingCalendar, EngineError, loadDefinition, MemoryStore, Runtime, type CompiledProcess, type InstanceRecord } from '../../src/index.js';
import { drive, type DriveOptions } from '../run/drive.js';
import { InstanceDriver, type Action } from '../run/instance-driver.js';
import { promptChooser } from '../run/prompt-chooser.js';
import { stepLine, summaryLines, type RunSummary } from '../run/report.js';
import { collectVariable } from '../run/variables.js';
import { EXIT, UsageError } from '../support/cli-error.js';
import { printProblems } from '../support/format-problems.js';
import { printJson, type Io } from '../support/io.js';
import { languageOption, type Language } from '../support/language.js';
import { readBpmn } from '../support/read-bpmn.js';
import { runAction } from '../support/run-action.js';
import { randomIds, ShiftableClock } from '../support/system-ports.js';

export interface RunOptions {
  readonly json?: boolean;
  readonly lang: Language;
  readonly process?: string;
  readonly var?: Record<string, unknown>;
  readonly completeAll?: boolean;
  readonly maxSteps: number;
}

/**
 * `tongban run FILE`: deploys the diagram into an in-memory runtime, starts
 * an instance and moves it on, either by itself (`--complete-all`: approve
 * every task, complete every job, fire every timer) or one numbered choice
 * per line of stdin. Exit 0 when the instance completed, else 1.
 */
export async function run(file: string, options: RunOptions, io: Io): Promise<number> {
  const bytes = await readBpmn(file);
  const loaded = await loadDefinition(bytes);
  // --json keeps stdout for the one JSON document.
  const log = options.json ? io.err : io.out;
  if (!loaded.ok) {
    printProblems(io, loaded.problems, options);
    return EXIT.problems;
  }
  if (loaded.problems.length > 0) io.err(`⚠ ${loaded.problems.length} 个警告，详见 tongban lint (${loaded.problems.length} warning(s), see tongban lint)\n`);
  const selected = chooseProcess(loaded.processes, options.process);

  const store = new MemoryStore();
  const clock = new ShiftableClock();
  // The real calendar: timers and deadlines written as 5wd count working days.
  const runtime = new Runtime({ store, clock, ids: randomIds, calendar: createWorkingCalendar() });
  const [definition] = (await runtime.deploy(new TextDecoder().decode(bytes))).filter((d) => d.processId === selected.processId);
  let started: InstanceRecord;
  try {
    started = await runtime.start(selected.processId, { variables: options.var ?? {} });
  } catch (error) {
    // The diagram loaded, but this start cannot run (a condition that fails on these variables, …).
    if (!(error instanceof EngineError)) throw error;
    io.err(`tongban: 无法启动实例 (cannot start an instance): ${error.message}\n`);
    return EXIT.problems;
  }
  log(`▶ 启动实例 (started) ${started.id}：${selected.processId} v${definition?.version ?? 1}${selected.model.name !== undefined ? ` ${selected.model.name}` : ''}\n`);

  const driver = new InstanceDriver(runtime, store, clock, started.id);
  const prompt = options.completeAll ? undefined : promptChooser(io.input, log);
  const choose: DriveOptions['choose'] = prompt?.choose ?? (async (actions: readonly Action[]) => actions[0]);
  const outcome = await drive(driver, { choose, maxSteps: options.maxSteps, onStep: (step) => log(`${stepLine(step)}\n`) })
    .finally(() => prompt?.close());

  const instance = await driver.instance();
  const summary: RunSummary = {
    status: instance.status,
    instanceId: instance.id,
    steps: outcome.steps,
    variables: await runtime.getVariables(instance.id),
    ...(outcome.stopped ? { stopped: outcome.stopped } : {}),
    ...(outcome.error !== undefined ? { error: outcome.error } : {}),
    ...(instance.incidents.length > 0 ? { incidents: instance.incidents } : {}),
  };
  if (options.json) printJson(io, summary);
  else for (const line of summaryLines(summary)) io.out(`${line}\n`);
  return summary.status === 'completed' ? EXIT.ok : EXIT.problems;
}

function chooseProcess(processes: readonly CompiledProcess[], wanted: string | undefined): CompiledProcess {
  const ids = processes.map((p) => p.processId).join(', ');
  if (wanted !== undefined) {
    const found = processes.find((p) => p.processId === wanted);
    if (!found) throw new UsageError(`文件中没有可执行流程 ${wanted}，可选：${ids} (no executable process ${wanted}; choose one of: ${ids})`);
    return found;
  }
  if (processes.length > 1) throw new UsageError(`文件中有多个可执行流程，请用 --process 选择：${ids} (several executable processes; pick one with --process)`);
  return processes[0]!;
}

function positiveInteger(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`应为正整数 (expected a positive integer): ${text}`);
  return n;
}

export function runCommand(): Command {
  return new Command('run')
    .description('部署到内存运行时并运行一个实例 (deploy into an in-memory runtime and run one instance)')
    .argument('<file>', 'BPMN 文件 (BPMN file)')
    .option('--process <id>', '要启动的流程 id，文件中有多个可执行流程时必填 (process to start; required when there are several)')
    .option('--var <key=value>', '流程变量，可重复；值按 JSON 解析，否则为字符串 (variable, repeatable; JSON if it parses, else a string)', collectVariable)
    .option('--complete-all', '自动通过所有任务、完成作业、触发定时器 (approve every task, complete jobs, fire timers)')
    .addOption(new Option('--max-steps <n>', '最多执行的步数 (step limit)').argParser(positiveInteger).default(1000))
    .option('--json', '以 JSON 输出运行摘要 (print a JSON summary)')
    .addOption(languageOption())
    .action(runAction(run));
}
