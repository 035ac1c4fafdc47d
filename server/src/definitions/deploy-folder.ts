import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '@tongban/engine';
import type { Services } from '../app/services.js';
import type { ParsePool } from './parse-pool.js';

export interface FolderDeployment {
  readonly deployed: readonly string[];
  readonly unchanged: readonly string[];
  readonly refused: readonly { readonly file: string; readonly problems: readonly Problem[] }[];
}

/**
 * Deploys `<dir>/<one thing>/process.bpmn` of every "one thing" package. A
 * package whose latest deployed version has the same XML is left alone, so a
 * restart deploys nothing new; one with errors is refused and reported, and
 * the others still deploy.
 */
export async function deployProcessFolder(s: Services, pool: ParsePool, dir: string): Promise<FolderDeployment> {
  const deployed: string[] = [];
  const unchanged: string[] = [];
  const refused: { file: string; problems: readonly Problem[] }[] = [];
  if (!existsSync(dir)) return { deployed, unchanged, refused };
  for (const entry of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(dir, entry.name, 'process.bpmn');
    if (!existsSync(file)) continue;
    const xml = readFileSync(file, 'utf8');
    const check = await pool.check(xml);
    if (!check.ok) {
      refused.push({ file, problems: check.problems.filter((p) => p.severity === 'error') });
      continue;
    }
    for (const p of check.processes) {
      const record = s.store.deployIfChanged({ processId: p.processId, xml, deployedAt: s.clock.now().toISOString(), ...(p.name !== undefined ? { name: p.name } : {}) });
      (record ? deployed : unchanged).push(record ? `${record.processId}@${record.version}` : p.processId);
    }
  }
  return { deployed, unchanged, refused };
}
