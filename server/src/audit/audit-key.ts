import { loadKeyFile } from '../config/key-file.js';

/** The audit trail's HMAC key: `TONGBAN_AUDIT_KEY`, or `DATA_DIR/audit.key` generated once. */
export function loadAuditKey(dataDir: string, env: Readonly<Record<string, string | undefined>>): Buffer {
  return loadKeyFile(dataDir, env, 'TONGBAN_AUDIT_KEY', 'audit.key');
}
