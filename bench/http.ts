/**
 * `pnpm bench:http [--quick] [--json] [--synchronous FULL|NORMAL] [--log-level L] [--cpu-prof DIR]`:
 * load on the real server. The server runs as a child process on a fresh
 * SQLite file; this process drives it over 50 keep-alive connections, each
 * a session of its own (bench/http/load.ts says why not autocannon). Per
 * round: instance starts for a few seconds, then 50
 * concurrent clerks complete distinct open tasks. Figures are the medians
 * of 3 rounds after a warm-up; `--json` prints one JSON object and nothing
 * else; `--quick` is a one-round smoke run with tiny counts.
 */
import { availableParallelism, loadavg } from 'node:os';
import { readHttpBenchArgs } from './http/args.js';
import { closeClient } from './http/api-client.js';
import type { LoadResult } from './http/load.js';
import { GOAL, reportLines, type HttpConfig, type HttpFigures, type Round } from './http/report.js';
import { startServerProcess, UNTHROTTLED, type ServerProcess } from './http/server-process.js';
import { median } from './http/stats.js';
import {
  ACTORS, completedTaskCount, instanceCount, measureCompletions, measureStarts, prepareCompletions, signInClerks, type Clerks,
} from './http/workload.js';

interface Sizes {
  readonly runs: number;
  readonly warmups: number;
  readonly startSeconds: number;
  /** Tasks per connection in the warm-up, and when there is none. */
  readonly firstTasksPerConnection: number;
  /** A measured completion run should last about this long; the tasks per connection are sized from the warm-up's rate. */
  readonly completionTargetSeconds: number;
  /** Bounds of that sizing: at least enough completions for a p99, at most what a long run needs. */
  readonly minTasksPerConnection: number;
  readonly maxTasksPerConnection: number;
}

/** About a minute and a half on two cores: the server's start (argon2 seeding), 50 sign-ins, a warm-up and 3 rounds of ~5 + ~5 s plus set-up. */
const FULL: Sizes = { runs: 3, warmups: 1, startSeconds: 5, firstTasksPerConnection: 20, completionTargetSeconds: 5, minTasksPerConnection: 10, maxTasksPerConnection: 400 };
const QUICK: Sizes = { runs: 1, warmups: 0, startSeconds: 1, firstTasksPerConnection: 2, completionTargetSeconds: 1, minTasksPerConnection: 2, maxTasksPerConnection: 2 };
const CONNECTIONS = 50;

async function main(): Promise<void> {
  const args = readHttpBenchArgs();
  if (!args) return;
  const sizes = args.quick ? QUICK : FULL;
  const progress = (text: string) => { if (!args.json) process.stderr.write(`… ${text}\n`); };

  progress(`starting the server (synchronous=${args.synchronous}, LOG_LEVEL=${args.logLevel})`);
  const server = await startServerProcess({ synchronous: args.synchronous, logLevel: args.logLevel, cpuProfDir: args.cpuProfDir });
  try {
    progress(`signing in ${CONNECTIONS} sessions`);
    const clerks = await signInClerks(server.url, CONNECTIONS);
    let tasksPerConnection = sizes.firstTasksPerConnection;
    // Not in the figures, but a failure in them is a failure all the same.
    let warmupErrors = 0;
    for (let w = 0; w < sizes.warmups; w++) {
      progress(`warm-up ${w + 1}`);
      const warm = await round(server, clerks, Math.min(sizes.startSeconds, 2), tasksPerConnection, sizes);
      warmupErrors += warm.startErrors + warm.completionErrors;
      tasksPerConnection = Math.max(sizes.minTasksPerConnection, Math.min(sizes.maxTasksPerConnection,
        Math.round((warm.completionsPerSec * sizes.completionTargetSeconds) / CONNECTIONS)));
    }
    const rounds: Round[] = [];
    for (let r = 0; r < sizes.runs; r++) {
      progress(`round ${r + 1} of ${sizes.runs}: starts for ${sizes.startSeconds} s, then ${tasksPerConnection} completions per connection`);
      rounds.push(await round(server, clerks, sizes.startSeconds, tasksPerConnection, sizes));
    }
    const config: HttpConfig = {
      connections: CONNECTIONS, runs: sizes.runs, warmups: sizes.warmups, startSeconds: sizes.startSeconds,
      tasksPerConnection, completionTargetSeconds: sizes.completionTargetSeconds,
      sessions: Object.fromEntries(ACTORS.map((a, i) => [a.username, clerks.byActor[i]!.length])),
      synchronous: args.synchronous, logLevel: args.logLevel, ratePerSecond: UNTHROTTLED.perSecond, rateBurst: UNTHROTTLED.burst,
      scheduler: false, node: process.version, cpus: availableParallelism(), quick: args.quick,
    };
    const figures = summarise(rounds, config, warmupErrors);
    if (figures.errors > 0) process.exitCode = 1;
    if (args.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    else for (const line of reportLines(figures)) process.stdout.write(`${line}\n`);
  } finally {
    closeClient();
    progress(args.cpuProfDir ? `stopping the server; its CPU profile goes to ${args.cpuProfDir}` : 'stopping the server');
    await server.stop();
  }
}

/** One start run and one completion run, each checked against the server's own counts. */
async function round(server: ServerProcess, clerks: Clerks, startSeconds: number, tasksPerConnection: number, sizes: Sizes): Promise<Round> {
  const { url } = server;
  const loadAverage = loadavg()[0] ?? 0;
  const instancesBefore = await instanceCount(clerks);
  const startCpu = cpuMeter(server);
  const starts = await measureStarts(url, clerks, CONNECTIONS, startSeconds);
  const startUse = startCpu(starts.ok);
  const started = (await instanceCount(clerks)) - instancesBefore;

  const plan = await prepareCompletions(url, clerks, tasksPerConnection);
  const completedBefore = await completedTaskCount(clerks);
  const completionCpu = cpuMeter(server);
  // The cap only guards against a stalled server: a run normally ends when every queue is done.
  const completions = await measureCompletions(url, plan, Math.max(30, 6 * sizes.completionTargetSeconds));
  const completionUse = completionCpu(completions.ok);
  const completed = (await completedTaskCount(clerks)) - completedBefore;

  return {
    loadAverage,
    startsPerSec: starts.perSec, startP50Ms: starts.p50Ms, startP99Ms: starts.p99Ms, starts: starts.ok,
    startServerCpuMs: startUse.server, startClientCpuMs: startUse.client,
    completionsPerSec: completions.perSec, completionP50Ms: completions.p50Ms, completionP99Ms: completions.p99Ms, completionMaxMs: completions.maxMs,
    completions: completions.ok, completionSeconds: completions.elapsedMs / 1000,
    completionServerCpuMs: completionUse.server, completionClientCpuMs: completionUse.client,
    startErrors: failed(starts) + mismatch(started, starts),
    completionErrors: failed(completions) + mismatch(completed, completions) + (completions.ok === CONNECTIONS * tasksPerConnection ? 0 : 1),
    failures: Object.fromEntries([...Object.entries(starts.failures).map(([s, n]) => [`start ${s}`, n]), ...Object.entries(completions.failures).map(([s, n]) => [`complete ${s}`, n])]),
  };
}

/**
 * CPU ms per answered request, of the server process and of this one (the
 * load generator), from now until the returned function is called.
 */
function cpuMeter(server: ServerProcess): (requests: number) => { server: number | null; client: number } {
  const serverBefore = server.cpuMs();
  const clientBefore = process.cpuUsage();
  return (requests) => {
    const serverAfter = server.cpuMs();
    const client = process.cpuUsage(clientBefore);
    const n = Math.max(1, requests);
    return {
      server: serverBefore === undefined || serverAfter === undefined ? null : (serverAfter - serverBefore) / n,
      client: (client.user + client.system) / 1000 / n,
    };
  };
}

const failed = (r: LoadResult) => Object.values(r.failures).reduce((a, b) => a + b, 0) + r.errors;

/**
 * The server's count must equal the 2xx answers seen, give or take the
 * requests whose connection broke (the server may have done those); else 1.
 */
function mismatch(serverCount: number, r: LoadResult): number {
  return serverCount >= r.ok && serverCount <= r.ok + r.errors ? 0 : 1;
}

function summarise(rounds: readonly Round[], config: HttpConfig, warmupErrors: number): HttpFigures {
  const of = (key: keyof Round) => median(rounds.map((r) => r[key] as number));
  const completionErrors = rounds.reduce((a, r) => a + r.completionErrors, 0);
  const startErrors = rounds.reduce((a, r) => a + r.startErrors, 0);
  const completionsPerSec = of('completionsPerSec');
  const completionP99Ms = of('completionP99Ms');
  const orNull = (key: 'startServerCpuMs' | 'completionServerCpuMs') => (rounds.every((r) => r[key] !== null) ? of(key) : null);
  return {
    completionsPerSec, completionP50Ms: of('completionP50Ms'), completionP99Ms,
    startsPerSec: of('startsPerSec'), startP50Ms: of('startP50Ms'), startP99Ms: of('startP99Ms'),
    completionServerCpuMs: orNull('completionServerCpuMs'), startServerCpuMs: orNull('startServerCpuMs'),
    completionClientCpuMs: of('completionClientCpuMs'), startClientCpuMs: of('startClientCpuMs'),
    errors: completionErrors + startErrors + warmupErrors, completionErrors, startErrors, warmupErrors,
    goalMet: completionsPerSec >= GOAL.completionsPerSec && completionP99Ms < GOAL.completionP99Ms,
    config, rounds,
  };
}

await main();
