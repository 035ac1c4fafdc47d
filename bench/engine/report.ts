/** Every figure of one benchmark run: flat, numeric, the shape `--json` prints. */
export interface BenchFigures {
  readonly runs: number;
  readonly warmups: number;
  // a. in memory
  readonly tongbanInstancesPerSec: number;
  readonly bpmnEngineInstancesPerSec: number;
  readonly xstateBareInstancesPerSec: number;
  /** Tongban ÷ bare XState instances/s: how much of XState's own speed the engine keeps. */
  readonly tongbanToXstateRatio: number;
  /** Tongban ÷ bpmn-engine instances/s; > 1: Tongban faster. */
  readonly instancesPerSecRatio: number;
  // b. through a store
  readonly tongbanStoreInstancesPerSec: number;
  readonly bpmnEngineStoreInstancesPerSec: number;
  /** Tongban ÷ bpmn-engine instances/s; > 1: Tongban faster. */
  readonly storeInstancesPerSecRatio: number;
  // c. heap per waiting instance
  readonly tongbanHeapPerWaitingInstance: number;
  readonly bpmnEngineHeapPerWaitingInstance: number;
  readonly tongbanWaitingInstances: number;
  readonly bpmnEngineWaitingInstances: number;
  /** Tongban ÷ bpmn-engine bytes; < 1: Tongban smaller. */
  readonly heapPerWaitingInstanceRatio: number;
  // d. parse + lint + compile
  readonly tongbanParse7Ms: number;
  readonly bpmnEngineParse7Ms: number;
  /** Tongban ÷ bpmn-engine time; < 1: Tongban faster. */
  readonly parse7Ratio: number;
  readonly tongbanParse500Ms: number;
  readonly bpmnEngineParse500Ms: number;
  /** Tongban ÷ bpmn-engine time; < 1: Tongban faster. */
  readonly parse500Ratio: number;
  readonly tongban500ParsePhaseMs: number;
  readonly tongban500LintPhaseMs: number;
  readonly tongban500CompilePhaseMs: number;
}

export const GOALS = {
  instancesPerSecRatio: 40,
  storeInstancesPerSecRatio: 25,
  heapPerWaitingInstanceRatio: 1 / 100,
  parse500Ratio: 1,
} as const;

export interface Environment {
  readonly node: string;
  readonly platform: string;
  readonly cpus: number;
  readonly bpmnEngineVersion: string;
  readonly quick: boolean;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kib = (bytes: number) => `${fixed(bytes / 1024)} KiB`;
const met = (ok: boolean) => (ok ? '✓ met' : '✗ not met');

function row(label: string, value: string, note = ''): string {
  return `   ${label.padEnd(52)}${value.padStart(14)}${note === '' ? '' : `   ${note}`}`;
}

/** The human report: medians, ratios named by what they divide, goals. */
export function reportLines(f: BenchFigures, env: Environment): string[] {
  return [
    `Tongban engine benchmark${env.quick ? ' (--quick: small counts, figures are not meaningful)' : ''}`,
    `node ${env.node} · ${env.platform} · ${env.cpus} CPU(s) · bpmn-engine ${env.bpmnEngineVersion} · median of ${f.runs} run(s) after ${f.warmups} warm-up(s)`,
    'shape: start → 6 parallel department user tasks → join → final user task → end (one XML for both engines)',
    '',
    'a. Instances completed per second, in memory',
    row('Tongban: pure step() loop, no store', `${count(f.tongbanInstancesPerSec)} /s`),
    row('bpmn-engine: new Engine + execute() + signal() tasks', `${count(f.bpmnEngineInstancesPerSec)} /s`),
    row('instancesPerSecRatio (Tongban ÷ bpmn-engine)', `${fixed(f.instancesPerSecRatio)}×`, `goal ≥ ${GOALS.instancesPerSecRatio}×  ${met(f.instancesPerSecRatio >= GOALS.instancesPerSecRatio)}`),
    row('reference: bare XState v5 machine, same shape', `${count(f.xstateBareInstancesPerSec)} /s`,
      `Tongban ÷ XState ${fixed(f.tongbanToXstateRatio, 2)}: transition() itself is the cost`),
    '',
    'b. Instances completed per second through a store',
    row('Tongban: Runtime + MemoryStore, completeTask()', `${count(f.tongbanStoreInstancesPerSec)} /s`),
    row('bpmn-engine: a. + JSON of getState() after each step', `${count(f.bpmnEngineStoreInstancesPerSec)} /s`),
    row('storeInstancesPerSecRatio (Tongban ÷ bpmn-engine)', `${fixed(f.storeInstancesPerSecRatio)}×`, `goal ≥ ${GOALS.storeInstancesPerSecRatio}×  ${met(f.storeInstancesPerSecRatio >= GOALS.storeInstancesPerSecRatio)}`),
    '',
    'c. Heap per instance waiting at the 6 parallel tasks',
    row(`Tongban: ${count(f.tongbanWaitingInstances)} instances held in MemoryStore`, kib(f.tongbanHeapPerWaitingInstance)),
    row(`bpmn-engine: ${count(f.bpmnEngineWaitingInstances)} running engines kept referenced`, kib(f.bpmnEngineHeapPerWaitingInstance)),
    row('heapPerWaitingInstanceRatio (Tongban ÷ bpmn-engine)', fixed(f.heapPerWaitingInstanceRatio, 4),
      `= 1/${count(1 / f.heapPerWaitingInstanceRatio)}  goal ≤ 1/${count(1 / GOALS.heapPerWaitingInstanceRatio)}  ${met(f.heapPerWaitingInstanceRatio <= GOALS.heapPerWaitingInstanceRatio)}`),
    '',
    'd. Load time: Tongban loadDefinition (parse + lint + compile) vs bpmn-engine getDefinitions (parse + serialize)',
    row('7 tasks: Tongban', `${fixed(f.tongbanParse7Ms, 2)} ms`),
    row('7 tasks: bpmn-engine', `${fixed(f.bpmnEngineParse7Ms, 2)} ms`),
    row('parse7Ratio (Tongban ÷ bpmn-engine time)', fixed(f.parse7Ratio, 2), `speed-up (bpmn-engine ÷ Tongban time) ${fixed(1 / f.parse7Ratio, 2)}×`),
    row('500 tasks: Tongban', `${fixed(f.tongbanParse500Ms)} ms`,
      `parse ${fixed(f.tongban500ParsePhaseMs)} + lint ${fixed(f.tongban500LintPhaseMs)} + compile ${fixed(f.tongban500CompilePhaseMs)} ms`),
    row('500 tasks: bpmn-engine', `${fixed(f.bpmnEngineParse500Ms)} ms`),
    row('parse500Ratio (Tongban ÷ bpmn-engine time)', fixed(f.parse500Ratio, 2),
      `speed-up ${fixed(1 / f.parse500Ratio, 2)}×  goal ratio ≤ ${GOALS.parse500Ratio}  ${met(f.parse500Ratio <= GOALS.parse500Ratio)}`),
  ];
}
