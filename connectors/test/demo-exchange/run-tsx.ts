/** Runs a TypeScript file in a fresh `node --import tsx`, as the CLI runs, so process-level effects can be observed. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** tsx is a root dev dependency: resolve it the way the root package does, wherever pnpm put it. */
const tsxLoader = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('tsx')).href;

export function spawnTsx(script: string, args: readonly string[] = [], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', tsxLoader, script, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Collects a child's output and waits for its exit code (null when killed by a signal). */
export function finished(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export const connectorsPath = (...parts: string[]) => join('connectors', ...parts);
