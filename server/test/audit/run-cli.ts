import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/harness.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `server/src/cli/audit-verify.ts` as `pnpm audit:verify` does (tsx), from the repository root, with only the given environment. */
export function runAuditVerify(env: Record<string, string>, args: readonly string[] = []): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join('server', 'src', 'cli', 'audit-verify.ts'), ...args], {
      cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000,
    }, (error, stdout, stderr) => {
      const code = error ? (error as { code?: unknown }).code : 0;
      if (typeof code !== 'number') return reject(error ?? new Error('no exit code'));
      resolve({ code, stdout, stderr });
    });
  });
}
