import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ScriptResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The repository root: scripts run from there, as `pnpm tongban` does. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** tsx's loader, resolved the way the root package resolves it, wherever pnpm put it. */
const tsxLoader = pathToFileURL(createRequire(join(repoRoot, 'package.json')).resolve('tsx')).href;

/** Runs a TypeScript script in a fresh `node --import tsx`, from the repository root. */
export function runScript(
  script: string,
  args: readonly string[],
  options: { input?: string; nodeFlags?: readonly string[] } = {},
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [...(options.nodeFlags ?? []), '--import', tsxLoader, script, ...args],
      { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? '');
  });
}

/** `tongban <args>`. */
export function tongban(...args: string[]): Promise<ScriptResult> {
  return runScript('engine/cli/main.ts', args);
}
