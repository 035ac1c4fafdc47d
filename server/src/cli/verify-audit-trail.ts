import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { auditTrail, loadAuditKey, type AuditVerification } from '../audit/index.js';
import { ConfigError, readConfig } from '../config/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';

export const USAGE = `用法 / usage: pnpm audit:verify [--json]

校验审计记录的 HMAC 链：读取 DATA_DIR（默认 data）下的 tongban.db，密钥取自
TONGBAN_AUDIT_KEY 或 DATA_DIR/audit.key，与服务器相同。
Checks the audit trail's HMAC chain in DATA_DIR/tongban.db (DATA_DIR
defaults to data), with the key from TONGBAN_AUDIT_KEY or DATA_DIR/audit.key,
as the server reads them.

退出码 / exit code: 0 完整 intact, 1 已被篡改 broken, 2 用法或读取错误 usage or I/O error`;

export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const REASONS: Record<Exclude<AuditVerification, { ok: true }>['reason'], { zh: string; en: string }> = {
  'hash-mismatch': { zh: '内容被修改（哈希不符）', en: 'its content was changed (hash mismatch)' },
  'chain-broken': { zh: '与前一条的链接断开', en: 'its link to the previous record is broken' },
  gap: { zh: '之前有记录被删除（序号不连续）', en: 'a record before it was deleted (gap in the sequence)' },
};

/** `pnpm audit:verify`: returns the exit code; never creates a database or a key where there is none. */
export function verifyAuditTrailCommand(args: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string, io: CommandIo): number {
  const unknown = args.filter((a) => a !== '--json');
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  if (unknown.length > 0) {
    io.err(`未知参数 / unknown argument: ${unknown.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  let dataDir: string;
  try {
    dataDir = readConfig(env, cwd).dataDir;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`配置错误 / configuration error: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const file = join(dataDir, 'tongban.db');
  if (!existsSync(file)) {
    io.err(`找不到数据库 / no database: ${file}`);
    return 2;
  }
  // Generating a key here would make every row look tampered with.
  if (env.TONGBAN_AUDIT_KEY === undefined && !existsSync(join(dataDir, 'audit.key'))) {
    io.err(`找不到审计密钥 / no audit key: set TONGBAN_AUDIT_KEY or provide ${join(dataDir, 'audit.key')}`);
    return 2;
  }
  let result: AuditVerification;
  try {
    const key = loadAuditKey(dataDir, env);
    const store = openSqliteStore(file);
    try {
      result = auditTrail(store.database, key).verify();
    } finally {
      store.close();
    }
  } catch (error) {
    io.err(`无法读取 / cannot read: ${(error as Error).message}`);
    return 2;
  }
  if (args.includes('--json')) io.out(JSON.stringify(result));
  else if (result.ok) {
    io.out(`审计记录完整：已校验 ${result.checked} 条。`);
    io.out(`Audit trail intact: ${result.checked} records checked.`);
  } else {
    const reason = REASONS[result.reason];
    io.out(`审计记录已被篡改：第 ${result.seq} 条，${reason.zh}；其前 ${result.checked} 条完整。`);
    io.out(`Audit trail broken at seq ${result.seq}: ${reason.en}; the ${result.checked} records before it check out.`);
  }
  return result.ok ? 0 : 1;
}
