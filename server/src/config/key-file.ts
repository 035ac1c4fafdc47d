import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A 32-byte key from an environment variable (hex), which is what a real
 * deployment should use (kept in its secret store, away from the database);
 * otherwise a key generated once into `DATA_DIR/<file>`, readable by the
 * server's user only, so the default start works without configuration.
 */
export function loadKeyFile(dataDir: string, env: Readonly<Record<string, string | undefined>>, variable: string, fileName: string): Buffer {
  const fromEnv = env[variable];
  if (fromEnv !== undefined) {
    if (!/^[0-9a-fA-F]{64,}$/.test(fromEnv)) throw new Error(`${variable} must be at least 64 hex digits (32 bytes)`);
    return Buffer.from(fromEnv, 'hex');
  }
  const file = join(dataDir, fileName);
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}
