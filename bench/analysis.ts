/**
 * `pnpm bench:analysis [--quick] [--json]`: how long the design analysis and
 * the re-engineering take on large models, each the median of several runs.
 *
 *   i.  analyseDesign of the 500-task staged model (50 stages of 9 parallel
 *       tasks and a review task), read once with parseBpmn       goal < 20 ms
 *   ii. reengineer of a 200-task serial model with random reads and writes,
 *       bpmn-auto-layout and the prediction included             goal < 300 ms
 *
 * `--json` prints one JSON object of every figure and nothing else;
 * `--quick` measures once, for a smoke test.
 */
import { analyseDesign, parseBpmn, reengineer, type ProcessModel } from '@tongban/engine';
import { serialModel } from './analysis/serial-model.js';
import { elapsedMs, medianOf, type Plan } from './engine/measure.js';
import { largeModel } from './engine/staged-bpmn.js';
import { readBenchArgs } from './bench-args.js';

const FULL: Plan = { warmups: 3, runs: 11 };
const QUICK: Plan = { warmups: 0, runs: 1 };
const GOALS = { analysis500Ms: 20, reengineer200Ms: 300 } as const;

const USAGE = 'usage: pnpm bench:analysis [--quick] [--json]\n  --quick  measure once, a smoke run\n  --json   print one JSON object of every figure\n';

interface Figures {
  readonly runs: number;
  readonly analysis500Ms: number;
  readonly reengineer200Ms: number;
  /** The same without bpmn-auto-layout, to show what the layout costs. */
  readonly reengineer200NoLayoutMs: number;
  readonly reengineer200Stages: number;
}

async function main(): Promise<void> {
  const values = readBenchArgs(USAGE);
  if (!values) return;
  const plan = values.quick ? QUICK : FULL;
  const progress = (text: string) => { if (!values.json) process.stderr.write(`… ${text}\n`); };

  progress('i. analyseDesign, 500 tasks');
  const staged = await readModel(largeModel().xml);
  const analysis500Ms = await medianOf(plan, () => elapsedMs(() => void analyseDesign(staged)));

  progress('ii. reengineer, 200 tasks');
  const serial = serialModel(200);
  const sample = await reengineer(serial);
  if (sample.xml === undefined) throw new Error(`reengineer produced no diagram: ${sample.problems.map((p) => p.code).join(', ')}`);
  const reengineer200Ms = await medianOf(plan, () => elapsedMs(async () => void await reengineer(serial)));
  const reengineer200NoLayoutMs = await medianOf(plan, () => elapsedMs(async () => void await reengineer(serial, { layout: false })));

  const figures: Figures = { runs: plan.runs, analysis500Ms, reengineer200Ms, reengineer200NoLayoutMs, reengineer200Stages: sample.stages.length };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    return;
  }
  for (const line of reportLines(figures, values.quick === true)) process.stdout.write(`${line}\n`);
}

async function readModel(xml: string): Promise<ProcessModel> {
  const parsed = await parseBpmn(xml);
  const model = parsed.processes[0];
  if (!model) throw new Error(`cannot read the benchmark diagram: ${parsed.problems.map((p) => p.code).join(', ')}`);
  return model;
}

function reportLines(f: Figures, quick: boolean): string[] {
  // One cold run says nothing about a steady-state goal.
  const verdict = (ms: number, goal: number) => (quick ? '(--quick: 不评判 / not judged)' : ms < goal ? '✓ 达标 (met)' : '✗ 未达标 (missed)');
  const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);
  return [
    `分析与再造基准 (analysis benchmark)  node ${process.version}, ${quick ? '--quick: 1 run' : `median of ${f.runs} runs`}`,
    `i.  设计分析 500 个任务 (analyseDesign, 500 tasks)           ${ms(f.analysis500Ms)}  目标 (goal) < ${GOALS.analysis500Ms} ms  ${verdict(f.analysis500Ms, GOALS.analysis500Ms)}`,
    `ii. 串联改并联 200 个任务 (reengineer, 200 tasks, layout)    ${ms(f.reengineer200Ms)}  目标 (goal) < ${GOALS.reengineer200Ms} ms  ${verdict(f.reengineer200Ms, GOALS.reengineer200Ms)}`,
    `    其中不含布局 (without layout)                             ${ms(f.reengineer200NoLayoutMs)}  ${f.reengineer200Stages} 个阶段 (stages)`,
  ];
}

await main();
