import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LogLevel, Synchronous } from './args.js';

/** The repository root: the server runs from there, as `pnpm start` does. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcessOptions {
  readonly synchronous: Synchronous;
  readonly logLevel: LogLevel;
  readonly cpuProfDir?: string | undefined;
  /** Over the defaults below: another processes folder, the demo exchange to wire the connectors to. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** The environment the server was started with, minus what it inherited. */
  readonly env: Readonly<Record<string, string>>;
  /**
   * CPU time the server process has used so far (all its threads: the
   * event loop, libuv's pool, the parse workers), in ms; undefined where
   * /proc is not there. Unlike latency, it hardly moves when other programs
   * load the machine, so ms per request is the steadiest figure of a run.
   */
  cpuMs(): number | undefined;
  /** SIGTERM (the server finishes in-flight requests, then exits, writing its CPU profile), then the data directory is removed. */
  stop(): Promise<void>;
}

/**
 * Per-user rate limit far above what the benchmark sends: the limiter is a
 * guard against a runaway client, and 50 connections of one user would
 * otherwise be throttled to 100 requests/s.
 */
export const UNTHROTTLED = { perSecond: 1_000_000, burst: 1_000_000 } as const;

/**
 * Starts `node --import tsx server/src/main.ts` as a child process, the
 * real server with its real SQLite file in a fresh temporary DATA_DIR, on a
 * free port, and waits until /readyz answers 200 (demo users seeded,
 * `processes/` deployed).
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-http-'));
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir,
    LOG_LEVEL: options.logLevel, TONGBAN_SQLITE_SYNCHRONOUS: options.synchronous, TONGBAN_DEMO_EXCHANGE: 'false',
    // Timers and jobs are not part of this load; the scheduler's ticks would only add noise.
    TONGBAN_SCHEDULER: 'false',
    TONGBAN_RATE_PER_SECOND: String(UNTHROTTLED.perSecond), TONGBAN_RATE_BURST: String(UNTHROTTLED.burst),
    TONGBAN_PROCESSES_DIR: join(repoRoot, 'processes'),
    ...options.env,
  };
  const tsx = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('tsx')).href;
  const profiling: string[] = [];
  if (options.cpuProfDir) {
    mkdirSync(options.cpuProfDir, { recursive: true });
    // Written when the server exits; the largest file is the event loop's, the others are the parse workers'.
    profiling.push('--cpu-prof', '--cpu-prof-dir', resolve(options.cpuProfDir));
  }
  const child = spawn(process.execPath, [...profiling, '--import', tsx, 'server/src/main.ts'], {
    cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept for the error message should the server die; never echoed, so `--json` stays one object.
  let output = '';
  const keep = (chunk: Buffer) => { output = (output + chunk.toString('utf8')).slice(-8_000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url, port, pid: child.pid ?? 0, env,
    cpuMs: () => processCpuMs(child.pid),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux). */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after its closing parenthesis do not. utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** A port nobody listens on now: the OS picks one for a throwaway listener. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** Seeding hashes ~20 demo passwords with argon2 and deployment parses in a worker: a few seconds. */
async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`The server was not ready within 90 s:\n${output()}`);
}
