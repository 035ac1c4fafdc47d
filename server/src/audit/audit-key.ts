import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The audit trail's HMAC key: `TONGBAN_AUDIT_KEY` (hex, 32 bytes or more)
 * when set, which is what a real deployment should do (kept in its secret
 * store, away from the database); otherwise a key generated once into
 * `DATA_DIR/audit.key`, readable by the server's user only.
 */
export function loadAuditKey(dataDir: string, env: Readonly<Record<string, string | undefined>>): Buffer {
  const fromEnv = env.TONGBAN_AUDIT_KEY;
  if (fromEnv !== undefined) {
    if (!/^[0-9a-fA-F]{64,}$/.test(fromEnv)) throw new Error('TONGBAN_AUDIT_KEY must be at least 64 hex digits (32 bytes)');
    return Buffer.from(fromEnv, 'hex');
  }
  const file = join(dataDir, 'audit.key');
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
