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
  // e. durable: one SQLite transaction per event
  readonly durableRuns: number;
  readonly sqliteCommitsPerInstance: number;
  readonly tongbanSqliteFullInstancesPerSec: number;
  readonly tongbanSqliteNormalInstancesPerSec: number;
  /** The bare XState + better-sqlite3 loop: the limit one transaction per event leaves on this machine. */
  readonly xstateSqliteFullInstancesPerSec: number;
  readonly xstateSqliteNormalInstancesPerSec: number;
  /** Tongban over SQLite at FULL, the default level, ÷ bpmn-engine in memory (a.). */
  readonly sqliteInstancesPerSecRatio: number;
  readonly sqliteNormalInstancesPerSecRatio: number;
  /** Tongban ÷ the bare loop at FULL: how much of the limit the engine, its rows and the audit row leave. */
  readonly sqliteShareOfLimit: number;
  readonly sqliteNormalShareOfLimit: number;
  /** Tongban with `sqliteInFlight` instances at once (group commit), at FULL and NORMAL. */
  readonly tongbanSqliteFullGroupedInstancesPerSec: number;
  readonly tongbanSqliteNormalGroupedInstancesPerSec: number;
  readonly sqliteInFlight: number;
  /** The grouped row at FULL ÷ bpmn-engine in memory (a.). */
  readonly sqliteGroupedInstancesPerSecRatio: number;
  /** The grouped row at FULL ÷ the bare loop at FULL: above 1 when shared syncs beat one sync per event. */
  readonly sqliteGroupedShareOfLimit: number;
}

export const GOALS = {
  instancesPerSecRatio: 40,
  storeInstancesPerSecRatio: 25,
  heapPerWaitingInstanceRatio: 1 / 100,
  parse500Ratio: 1,
  sqliteInstancesPerSecRatio: 15,
  sqliteShareOfLimit: 0.5,
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
    '',
    `e. Instances completed per second, durable: every event a SQLite commit (${f.sqliteCommitsPerInstance} per instance), median of ${f.durableRuns} round(s)`,
    ...(['FULL', 'NORMAL'] as const).flatMap((level) => {
      const full = level === 'FULL';
      const tongban = full ? f.tongbanSqliteFullInstancesPerSec : f.tongbanSqliteNormalInstancesPerSec;
      const bare = full ? f.xstateSqliteFullInstancesPerSec : f.xstateSqliteNormalInstancesPerSec;
      const share = full ? f.sqliteShareOfLimit : f.sqliteNormalShareOfLimit;
      const ratio = full ? f.sqliteInstancesPerSecRatio : f.sqliteNormalInstancesPerSecRatio;
      const [shareKey, ratioKey] = full ? ['sqliteShareOfLimit', 'sqliteInstancesPerSecRatio'] : ['sqliteNormalShareOfLimit', 'sqliteNormalInstancesPerSecRatio'];
      const grouped = full ? f.tongbanSqliteFullGroupedInstancesPerSec : f.tongbanSqliteNormalGroupedInstancesPerSec;
      return [
        `   synchronous = ${level}${full ? ' (the default, ADR 0004)' : ''}`,
        row('Tongban: Runtime + SQLite store + audit row', `${count(tongban)} /s`, `${count(tongban * f.sqliteCommitsPerInstance)} commits/s`),
        row('limit: bare XState actor + one UPDATE per event', `${count(bare)} /s`, `${count(bare * f.sqliteCommitsPerInstance)} commits/s`),
        // The goals hold for the default level; NORMAL is printed beside it to show what the WAL sync costs.
        row(`${shareKey} (Tongban ÷ bare loop)`, fixed(share, 2), full ? `goal ≥ ${GOALS.sqliteShareOfLimit}  ${met(share >= GOALS.sqliteShareOfLimit)}` : ''),
        row(`${ratioKey} (÷ bpmn-engine, a.)`, `${fixed(ratio)}×`, full ? `goal ≥ ${GOALS.sqliteInstancesPerSecRatio}×  ${met(ratio >= GOALS.sqliteInstancesPerSecRatio)}` : ''),
        row(`Tongban, ${f.sqliteInFlight} instances at once (group commit)`, `${count(grouped)} /s`,
          `÷ bare loop ${fixed(grouped / bare, 2)}  ÷ bpmn-engine ${fixed(grouped / f.bpmnEngineInstancesPerSec)}×${full ? ' (sqliteGroupedShareOfLimit, …InstancesPerSecRatio)' : ''}`),
      ];
    }),
  ];
}
