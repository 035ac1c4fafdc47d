/**
 * `pnpm bench:engine [--quick] [--json]`: Tongban against bpmn-engine 25 in
 * one process, on the same "one thing" diagram. Five figure families
 * (bench/engine/*.ts), each the median of several runs, with the ratio
 * Tongban ÷ bpmn-engine (or ÷ the bare baseline) and its goal. `--json` prints one JSON object of
 * every figure and nothing else; `--quick` uses tiny counts (a smoke run).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { loadDefinition } from '@tongban/engine';
import { loadSourceContext } from './engine/bpmn-engine-baseline.js';
import { measureHeap } from './engine/heap.js';
import { measureDurable, type DurableSizes } from './engine/durable.js';
import { measureInMemory } from './engine/in-memory.js';
import { measureLoad, measureTongbanPhases } from './engine/load.js';
import type { Plan } from './engine/measure.js';
import { reportLines, type BenchFigures, type Environment } from './engine/report.js';
import { largeModel, oneThingModel } from './engine/staged-bpmn.js';
import { measureThroughStore } from './engine/through-store.js';
import { readBenchArgs } from './bench-args.js';

interface Sizes {
  readonly plan: Plan;
  readonly heapPlan: Plan;
  readonly loadLargePlan: Plan;
  readonly inMemory: { readonly tongban: number; readonly bpmnEngine: number; readonly xstate: number };
  readonly store: { readonly tongban: number; readonly bpmnEngine: number };
  readonly heap: { readonly tongban: number; readonly bpmnEngine: number };
  /** Instances per timed run of the durable rows (Tongban and the bare loop run the same count). */
  readonly durable: DurableSizes;
  readonly durablePlan: Plan;
  /** Loads of the 7-task model per timed run. */
  readonly loadSmallRepeat: number;
}

/**
 * About two and a half minutes on two cores, most of it the heap figure (its
 * 1,000 bpmn-engine engines take ~1.4 GB). Each timed run lasts a few
 * seconds; the durable rows' runs about one second each, 30 s in all.
 */
const FULL: Sizes = {
  plan: { warmups: 1, runs: 5 },
  // The heap figure runs after a. and b., so the code it measures is already compiled.
  heapPlan: { warmups: 0, runs: 3 },
  loadLargePlan: { warmups: 1, runs: 5 },
  inMemory: { tongban: 3_000, bpmnEngine: 100, xstate: 5_000 },
  store: { tongban: 1_000, bpmnEngine: 100 },
  heap: { tongban: 10_000, bpmnEngine: 1_000 },
  durable: { FULL: 80, NORMAL: 250, grouped: 300, inFlight: 16 },
  durablePlan: { warmups: 1, runs: 5 },
  loadSmallRepeat: 20,
};

const QUICK: Sizes = {
  plan: { warmups: 1, runs: 2 },
  heapPlan: { warmups: 0, runs: 1 },
  loadLargePlan: { warmups: 0, runs: 1 },
  inMemory: { tongban: 50, bpmnEngine: 10, xstate: 500 },
  store: { tongban: 20, bpmnEngine: 10 },
  heap: { tongban: 200, bpmnEngine: 20 },
  durable: { FULL: 5, NORMAL: 10, grouped: 8, inFlight: 4 },
  durablePlan: { warmups: 0, runs: 1 },
  loadSmallRepeat: 2,
};

const USAGE = 'usage: pnpm bench:engine [--quick] [--json]\n  --quick  tiny counts, a smoke run\n  --json   print one JSON object of every figure\n';

async function main(): Promise<void> {
  const values = readBenchArgs(USAGE);
  if (!values) return;
  // The heap figure needs full collections: run again with --expose-gc if it is missing.
  if (typeof globalThis.gc !== 'function') {
    const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
    process.exitCode = child.status ?? 1;
    return;
  }
  const quick = values.quick === true;
  const sizes = quick ? QUICK : FULL;
  const progress = (text: string) => { if (!values.json) process.stderr.write(`… ${text}\n`); };

  const oneThing = oneThingModel();
  const loaded = await loadDefinition(oneThing.xml);
  const compiled = loaded.processes[0];
  if (!loaded.ok || !compiled) throw new Error(`Tongban cannot load the benchmark diagram: ${loaded.problems.map((p) => p.code).join(', ')}`);
  const source = await loadSourceContext(oneThing.xml);

  progress('a. instances per second, in memory');
  const inMemory = await measureInMemory(compiled, source, sizes.plan, sizes.inMemory);
  progress('b. instances per second through a store');
  const store = await measureThroughStore(oneThing.xml, oneThing.processId, source, sizes.plan, sizes.store);
  progress('e. instances per second through the SQLite store, FULL and NORMAL, beside a bare XState + SQLite loop');
  const durable = await measureDurable(oneThing.xml, oneThing.processId, sizes.durablePlan, sizes.durable);
  progress('c. heap per waiting instance');
  const heap = await measureHeap(oneThing.xml, oneThing.processId, source, sizes.heapPlan, sizes.heap);
  progress('d. load time, 7 and 500 tasks');
  const small = await measureLoad(oneThing, sizes.plan, sizes.loadSmallRepeat);
  const large = largeModel();
  const big = await measureLoad(large, sizes.loadLargePlan, 1);
  const phases = await measureTongbanPhases(large, sizes.loadLargePlan);

  const figures: BenchFigures = {
    runs: sizes.plan.runs,
    warmups: sizes.plan.warmups,
    ...inMemory,
    instancesPerSecRatio: inMemory.tongbanInstancesPerSec / inMemory.bpmnEngineInstancesPerSec,
    tongbanToXstateRatio: inMemory.tongbanInstancesPerSec / inMemory.xstateBareInstancesPerSec,
    ...store,
    storeInstancesPerSecRatio: store.tongbanStoreInstancesPerSec / store.bpmnEngineStoreInstancesPerSec,
    ...heap,
    heapPerWaitingInstanceRatio: heap.tongbanHeapPerWaitingInstance / heap.bpmnEngineHeapPerWaitingInstance,
    tongbanParse7Ms: small.tongbanMs,
    bpmnEngineParse7Ms: small.bpmnEngineMs,
    parse7Ratio: small.tongbanMs / small.bpmnEngineMs,
    tongbanParse500Ms: big.tongbanMs,
    bpmnEngineParse500Ms: big.bpmnEngineMs,
    parse500Ratio: big.tongbanMs / big.bpmnEngineMs,
    tongban500ParsePhaseMs: phases.parseMs,
    tongban500LintPhaseMs: phases.lintMs,
    tongban500CompilePhaseMs: phases.compileMs,
    ...durable,
    durableRuns: sizes.durablePlan.runs,
    sqliteInstancesPerSecRatio: durable.tongbanSqliteFullInstancesPerSec / inMemory.bpmnEngineInstancesPerSec,
    sqliteNormalInstancesPerSecRatio: durable.tongbanSqliteNormalInstancesPerSec / inMemory.bpmnEngineInstancesPerSec,
    sqliteShareOfLimit: durable.tongbanSqliteFullInstancesPerSec / durable.xstateSqliteFullInstancesPerSec,
    sqliteNormalShareOfLimit: durable.tongbanSqliteNormalInstancesPerSec / durable.xstateSqliteNormalInstancesPerSec,
    sqliteGroupedInstancesPerSecRatio: durable.tongbanSqliteFullGroupedInstancesPerSec / inMemory.bpmnEngineInstancesPerSec,
    sqliteGroupedShareOfLimit: durable.tongbanSqliteFullGroupedInstancesPerSec / durable.xstateSqliteFullInstancesPerSec,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    return;
  }
  for (const line of reportLines(figures, environment(quick))) process.stdout.write(`${line}\n`);
}

function environment(quick: boolean): Environment {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: availableParallelism(),
    bpmnEngineVersion: bpmnEngineVersion(),
    quick,
  };
}

/** The installed bpmn-engine's version; its package.json is not exported, so it is read from beside its entry. */
function bpmnEngineVersion(): string {
  const entry = createRequire(import.meta.url).resolve('bpmn-engine');
  const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

await main();
