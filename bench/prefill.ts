/**
 * `pnpm bench:prefill [--quick] [--json]`: opening a start form bound to 5
 * connectors, against the demo exchange, under 50 concurrent requests.
 *
 * The demo exchange runs as a process of its own with 20 ms + up to 30 ms
 * (deterministic jitter) added to every answer; the server runs as a child
 * process on a fresh SQLite file, its demo connectors wired to that
 * exchange with their cache off. Side by side in each round:
 * - baseline: each of the 5 sources called directly, 50 at a time, the same
 *   identities; its p99 is that source's latency under this load;
 * - Tongban: POST /api/definitions/bench_prefill/start-form/prefill by 50
 *   front-desk sessions, each answer checked to hold the 5 sources' fields
 *   or a listed failure.
 * Goal (issue 7): prefill p99 under 1.5 × the slowest single source's p99.
 * Figures are medians of the rounds; `--json` prints one JSON object.
 * PREFILL_CPU_PROF=DIR writes the server's CPU profile there.
 */
import { createDemoData, DEFAULT_API_KEY, DEFAULT_SEED } from '@tongban/connectors';
import { readBenchArgs } from './bench-args.js';
import { Session, closeClient } from './http/api-client.js';
import { startServerProcess, UNTHROTTLED } from './http/server-process.js';
import { median } from './http/stats.js';
import { startExchangeProcess } from './prefill/exchange-process.js';
import { closedLoop, pool, timedRequest, type LoadFigures } from './prefill/load.js';
import { benchProcessesDir, PROCESS_ID, SOURCES } from './prefill/setup.js';

const USAGE = 'pnpm bench:prefill [--quick] [--json]\n';
const CONCURRENCY = 50;
const LATENCY = { ms: 20, jitterMs: 30 };
const GOAL_RATIO = 1.5;

interface Round {
  readonly prefill: LoadFigures;
  readonly sources: Record<string, LoadFigures>;
}

async function main(): Promise<void> {
  const args = readBenchArgs(USAGE);
  if (!args) return;
  const sizes = args.quick ? { rounds: 1, requests: 100 } : { rounds: 3, requests: 1000 };
  const progress = (text: string) => { if (!args.json) process.stderr.write(`… ${text}\n`); };

  const data = createDemoData(DEFAULT_SEED);
  const persons = [...data.persons.keys()];
  const entities = [...data.entities.keys()];
  const identity = (i: number) => ({ person: persons[i % persons.length]!, entity: entities[i % entities.length]! });

  progress(`starting the demo exchange (latency ${LATENCY.ms} ms + jitter up to ${LATENCY.jitterMs} ms)`);
  const exchange = await startExchangeProcess(LATENCY);
  const processes = benchProcessesDir();
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  try {
    progress('starting the server');
    server = await startServerProcess({
      synchronous: 'FULL', logLevel: 'warn', cpuProfDir: process.env.PREFILL_CPU_PROF,
      env: {
        TONGBAN_PROCESSES_DIR: processes.dir, TONGBAN_DEMO_EXCHANGE: 'external', TONGBAN_DEMO_EXCHANGE_PORT: String(exchange.port),
        TONGBAN_RATE_PER_SECOND: String(UNTHROTTLED.perSecond), TONGBAN_RATE_BURST: String(UNTHROTTLED.burst),
      },
    });
    const url = server.url;
    progress(`signing in ${CONCURRENCY} front-desk sessions`);
    const sessions = await Promise.all(Array.from({ length: CONCURRENCY }, () => Session.signIn(url, 'frontdesk', 'tongban')));
    const serverPool = pool(CONCURRENCY);
    const exchangePool = pool(CONCURRENCY);

    const prefillOnce = async (i: number, worker: number) => {
      const { person, entity } = identity(i);
      const body = JSON.stringify({ variables: { applicant: { citizenId: person }, company: { creditCode: entity } } });
      const reply = await timedRequest(serverPool, `${url}/api/definitions/${PROCESS_ID}/start-form/prefill`, 'POST', sessions[worker]!.headers(), body);
      const answer = reply.status === 200 ? (JSON.parse(reply.text) as { fields: { connectorId: string }[]; failures: { connectorId: string }[] }) : undefined;
      // Every source answered one way or the other: fields, or a listed failure (a person without real estate is a 404, listed).
      const heard = new Set([...(answer?.fields ?? []), ...(answer?.failures ?? [])].map((f) => f.connectorId));
      return { ms: reply.ms, ok: answer !== undefined && heard.size === SOURCES.length };
    };
    const sourceOnce = (source: (typeof SOURCES)[number]) => async (i: number) => {
      const { person, entity } = identity(i);
      const reply = await timedRequest(exchangePool, exchange.url + source.path(person, entity), 'GET', { 'x-api-key': DEFAULT_API_KEY });
      return { ms: reply.ms, ok: reply.status === 200 || reply.status === 404 };
    };

    progress('warm-up');
    await closedLoop(CONCURRENCY, Math.min(200, sizes.requests), prefillOnce);
    const rounds: Round[] = [];
    for (let r = 0; r < sizes.rounds; r++) {
      progress(`round ${r + 1}/${sizes.rounds}: each source directly, then the prefill`);
      const sources: Record<string, LoadFigures> = {};
      for (const source of SOURCES) sources[source.connector] = await closedLoop(CONCURRENCY, sizes.requests, sourceOnce(source));
      rounds.push({ sources, prefill: await closedLoop(CONCURRENCY, sizes.requests, prefillOnce) });
    }
    serverPool.destroy();
    exchangePool.destroy();

    const perSource = Object.fromEntries(SOURCES.map(({ connector }) => [connector, {
      p50Ms: round1(median(rounds.map((r) => r.sources[connector]!.p50Ms))),
      p99Ms: round1(median(rounds.map((r) => r.sources[connector]!.p99Ms))),
    }]));
    const slowestSourceP99Ms = Math.max(...Object.values(perSource).map((s) => s.p99Ms));
    const prefillP50Ms = round1(median(rounds.map((r) => r.prefill.p50Ms)));
    const prefillP99Ms = round1(median(rounds.map((r) => r.prefill.p99Ms)));
    const ratio = Math.round((prefillP99Ms / slowestSourceP99Ms) * 100) / 100;
    const errors = rounds.reduce((n, r) => n + r.prefill.errors + Object.values(r.sources).reduce((m, s) => m + s.errors, 0), 0);
    const figures = {
      prefillP50Ms, prefillP99Ms, slowestSourceP99Ms, ratio, goalRatio: GOAL_RATIO, goalMet: ratio < GOAL_RATIO,
      sources: perSource, concurrency: CONCURRENCY, requestsPerRound: sizes.requests, rounds: sizes.rounds, errors,
      sourceLatency: LATENCY,
    };
    if (args.json) {
      process.stdout.write(`${JSON.stringify(figures)}\n`);
    } else {
      const lines = [
        `prefill of a start form bound to ${SOURCES.length} connectors, ${CONCURRENCY} concurrent, ${sizes.requests} requests × ${sizes.rounds} rounds (medians)`,
        ...Object.entries(perSource).map(([id, s]) => `  source ${id.padEnd(17)} p50 ${s.p50Ms.toFixed(1).padStart(7)} ms   p99 ${s.p99Ms.toFixed(1).padStart(7)} ms`),
        `  prefill (Tongban)        p50 ${prefillP50Ms.toFixed(1).padStart(7)} ms   p99 ${prefillP99Ms.toFixed(1).padStart(7)} ms`,
        `  prefill p99 / slowest source p99 = ${ratio.toFixed(2)}× (goal < ${GOAL_RATIO}×: ${ratio < GOAL_RATIO ? 'met' : 'NOT met'})`,
        `  wrong or failed answers: ${errors}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    if (errors > 0) process.exitCode = 1;
  } finally {
    closeClient();
    await server?.stop();
    await exchange.stop();
    processes.remove();
  }
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

await main();
