/**
 * `pnpm bench:designer [--quick] [--json]`: builds the designer, prints its
 * bundle sizes (what the first page load fetches, gzipped) and the modeler
 * page's ready time in Debian's Chromium, the median of 5 cold loads (a new
 * profile each, so nothing is cached) against the real server. `--json`
 * prints one object with `modelerReadyMs` and `initialJsGzipBytes`;
 * `--quick` does one load.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readBenchArgs } from './bench-args.js';
import { bundleSizes } from './designer/bundle-sizes.js';
import { CHROMIUM_PATH, coldModelerLoad, signInCookies } from './designer/cold-load.js';
import { repoRoot, startServerProcess } from './http/server-process.js';

const USAGE = 'usage: pnpm bench:designer [--quick] [--json]\n';
const GOALS = { modelerReadyMs: 1500, initialJsGzipBytes: 1.5 * 1024 * 1024 } as const;
const PROCESS_ID = 'open_company';

async function main(): Promise<void> {
  const args = readBenchArgs(USAGE);
  if (!args) return;
  const progress = (text: string) => { if (!args.json) process.stderr.write(`… ${text}\n`); };
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install chromium`);

  progress('building the designer');
  const designer = join(repoRoot, 'designer');
  execFileSync(process.execPath, [join(designer, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: designer, stdio: 'pipe' });
  const sizes = bundleSizes(join(designer, 'dist'));

  progress('starting the server');
  const server = await startServerProcess({ synchronous: 'NORMAL', logLevel: 'silent' });
  const loads: number[] = [];
  try {
    const cookies = await signInCookies(server.url, 'designer', 'tongban');
    const runs = args.quick ? 1 : 5;
    for (let i = 0; i < runs; i++) {
      progress(`cold load ${i + 1} of ${runs}`);
      loads.push(await coldModelerLoad(`${server.url}/modeler/${PROCESS_ID}`, cookies));
    }
  } finally {
    await server.stop();
  }
  const modelerReadyMs = Math.round(median(loads));
  const figures = {
    modelerReadyMs,
    initialJsGzipBytes: sizes.initialJsGzipBytes,
    initialJsBytes: sizes.initialJsBytes,
    modelerChunkGzipBytes: sizes.largestLazyChunk?.gzipBytes,
    totalJsGzipBytes: sizes.totalJsGzipBytes,
    loadsMs: loads.map((ms) => Math.round(ms)),
    goalMet: modelerReadyMs < GOALS.modelerReadyMs && sizes.initialJsGzipBytes < GOALS.initialJsGzipBytes,
    goals: GOALS,
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const lines = [
    'Designer bundle (JavaScript, gzipped):',
    ...sizes.chunks.map((c) => `  ${c.initial ? 'initial' : 'lazy   '}  ${kb(c.gzipBytes).padStart(9)}  (${kb(c.bytes)} raw)  ${c.file}`),
    `  initial JS: ${kb(sizes.initialJsGzipBytes)} gzipped (goal < ${kb(GOALS.initialJsGzipBytes)})`,
    `  all JS:     ${kb(sizes.totalJsGzipBytes)} gzipped`,
    '',
    `Modeler page ready (${PROCESS_ID}, cold, Chromium): median ${modelerReadyMs} ms of ${loads.length} loads [${figures.loadsMs.join(', ')}] (goal < ${GOALS.modelerReadyMs} ms)`,
    `Goals met: ${figures.goalMet ? 'yes' : 'no'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : ((sorted[mid - 1]! + sorted[mid]!) / 2);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
