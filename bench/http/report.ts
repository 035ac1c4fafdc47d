import type { LogLevel, Synchronous } from './args.js';

/** One measured round: a start run, then a completion run over tasks prepared for it. */
export interface Round {
  /** The machine's 1-minute load average when the round began: above the CPU count, other programs competed for the cores. */
  readonly loadAverage: number;
  readonly startsPerSec: number;
  readonly startP50Ms: number;
  readonly startP99Ms: number;
  readonly starts: number;
  /** CPU ms per request of the server process (null without /proc), and of the load generator. */
  readonly startServerCpuMs: number | null;
  readonly startClientCpuMs: number;
  readonly completionsPerSec: number;
  readonly completionP50Ms: number;
  readonly completionP99Ms: number;
  readonly completionMaxMs: number;
  readonly completions: number;
  readonly completionSeconds: number;
  readonly completionServerCpuMs: number | null;
  readonly completionClientCpuMs: number;
  /** Non-2xx answers, connection errors and timeouts, and disagreements with the server's own counts, of this round. */
  readonly startErrors: number;
  readonly completionErrors: number;
  /** Non-2xx answers by status code. */
  readonly failures: Readonly<Record<string, number>>;
}

export interface HttpConfig {
  readonly connections: number;
  readonly runs: number;
  readonly warmups: number;
  readonly startSeconds: number;
  /** Tasks each connection completes in a completion run (sized from the warm-up so a run lasts about `completionTargetSeconds`). */
  readonly tasksPerConnection: number;
  readonly completionTargetSeconds: number;
  readonly sessions: Readonly<Record<string, number>>;
  readonly synchronous: Synchronous;
  readonly logLevel: LogLevel;
  readonly ratePerSecond: number;
  readonly rateBurst: number;
  readonly scheduler: boolean;
  readonly node: string;
  readonly cpus: number;
  readonly quick: boolean;
}

/** What `--json` prints: the medians over the rounds, the error total, the config, and every round. */
export interface HttpFigures {
  readonly completionsPerSec: number;
  readonly completionP50Ms: number;
  readonly completionP99Ms: number;
  readonly startsPerSec: number;
  readonly startP50Ms: number;
  readonly startP99Ms: number;
  /**
   * Server CPU ms per request (all its threads, from /proc; null elsewhere).
   * 1000 ÷ this is what one core could serve if nothing waited on the disk.
   */
  readonly completionServerCpuMs: number | null;
  readonly startServerCpuMs: number | null;
  /** The load generator's own CPU ms per request: it shares the machine with the server. */
  readonly completionClientCpuMs: number;
  readonly startClientCpuMs: number;
  /** Every failed request of every measured run, plus count disagreements; must be 0. */
  readonly errors: number;
  readonly completionErrors: number;
  readonly startErrors: number;
  /** Failures in the warm-up round, which is not in the figures. */
  readonly warmupErrors: number;
  readonly goalMet: boolean;
  readonly config: HttpConfig;
  readonly rounds: readonly Round[];
}

export const GOAL = { completionsPerSec: 1_000, completionP99Ms: 50 } as const;

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(1)} ms`;
const cpu = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(2)} ms`);
/** Requests/s one core would serve at this CPU cost, were the event loop never waiting for the disk. */
const capacity = (n: number | null) => (n === null || n <= 0 ? '' : `≈ ${count(1000 / n)}/s per core of CPU alone`);

function row(label: string, value: string, note = ''): string {
  return `   ${label.padEnd(46)}${value.padStart(12)}${note === '' ? '' : `   ${note}`}`;
}

export function reportLines(f: HttpFigures): string[] {
  const c = f.config;
  const met = (ok: boolean) => (ok ? '✓ met' : '✗ not met');
  const lines = [
    `Tongban HTTP load benchmark${c.quick ? ' (--quick: tiny counts, figures are not meaningful)' : ''}`,
    `node ${c.node} · ${c.cpus} CPU(s) · server and load generator on this machine · median of ${c.runs} round(s) after ${c.warmups} warm-up(s)`,
    `server: node --import tsx server/src/main.ts, fresh SQLite file, synchronous=${c.synchronous}, LOG_LEVEL=${c.logLevel}, scheduler ${c.scheduler ? 'on' : 'off'}`,
    `rate limit raised to ${count(c.ratePerSecond)}/s (burst ${count(c.rateBurst)}) per user so it does not throttle the load; ${c.connections} keep-alive connections, each its own session, opened before the load`,
    '',
    `Task completions: POST /api/tasks/:id/complete {} by ${c.connections} concurrent clerks, ${count(c.tasksPerConnection)} distinct tasks each per round`,
    `   sessions: ${Object.entries(c.sessions).map(([user, n]) => `${user} ×${n}`).join(', ')}`,
    row('completions per second', `${count(f.completionsPerSec)} /s`, `goal ≥ ${count(GOAL.completionsPerSec)}  ${met(f.completionsPerSec >= GOAL.completionsPerSec)}`),
    row('latency p50', ms(f.completionP50Ms)),
    row('latency p99', ms(f.completionP99Ms), `goal < ${GOAL.completionP99Ms} ms  ${met(f.completionP99Ms < GOAL.completionP99Ms)}`),
    row('server CPU per completion', cpu(f.completionServerCpuMs), capacity(f.completionServerCpuMs)),
    row('load generator CPU per completion', cpu(f.completionClientCpuMs)),
    '',
    `Instance starts: POST /api/instances {"processId":"open_company"} by the front desk, ${c.startSeconds} s per round`,
    row('starts per second', `${count(f.startsPerSec)} /s`),
    row('latency p50', ms(f.startP50Ms)),
    row('latency p99', ms(f.startP99Ms)),
    row('server CPU per start', cpu(f.startServerCpuMs), capacity(f.startServerCpuMs)),
    row('load generator CPU per start', cpu(f.startClientCpuMs)),
    '',
    'Rounds:',
    ...f.rounds.map((r, i) => `   ${i + 1}. load average ${r.loadAverage.toFixed(1)} · starts ${count(r.startsPerSec)}/s (p50 ${ms(r.startP50Ms)}, p99 ${ms(r.startP99Ms)}, ${count(r.starts)} started) · completions ${count(r.completionsPerSec)}/s (p50 ${ms(r.completionP50Ms)}, p99 ${ms(r.completionP99Ms)}, max ${ms(r.completionMaxMs)}, ${count(r.completions)} in ${r.completionSeconds.toFixed(2)} s)`),
    '',
    `goal (≥ ${count(GOAL.completionsPerSec)} completions/s with p99 < ${GOAL.completionP99Ms} ms): ${met(f.goalMet)}`,
  ];
  if (f.errors > 0) {
    lines.push('', `!!! ${f.errors} FAILED REQUEST(S) OR COUNT MISMATCH(ES): ${f.completionErrors} in completions, ${f.startErrors} in starts, ${f.warmupErrors} in the warm-up !!!`);
    for (const [i, r] of f.rounds.entries()) if (Object.keys(r.failures).length > 0) lines.push(`!!! round ${i + 1}: ${JSON.stringify(r.failures)}`);
  } else {
    lines.push('errors: 0 (every request answered 2xx; the server\'s counts of started applications and completed tasks match)');
  }
  return lines;
}
