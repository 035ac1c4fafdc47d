import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefinitionRecord, Problem } from '@tongban/engine';
import type { FormProblem } from '@tongban/forms';
import type { Services } from '../app/services.js';
import { formsTable, readPackageForms, type StoredForm } from '../forms/index.js';
import type { ParsePool } from './parse-pool.js';

export interface FolderDeployment {
  readonly deployed: readonly string[];
  readonly unchanged: readonly string[];
  readonly refused: readonly { readonly file: string; readonly problems: readonly Problem[] }[];
}

/** A form's problem in the shape the deployment reports; the path goes where a process problem names its element. */
function asDeployProblem(p: FormProblem): Problem {
  return { code: p.code, severity: 'error', message: p.path ? `${p.path}：${p.message}` : p.message, messageEn: p.path ? `${p.path}: ${p.messageEn}` : p.messageEn, ...(p.path ? { elementId: p.path } : {}) };
}

function sameForms(a: readonly StoredForm[], b: readonly StoredForm[]): boolean {
  return a.length === b.length && a.every((f, i) => f.formId === b[i]?.formId && f.schema === b[i]?.schema);
}

/**
 * Deploys `<dir>/<one thing>/process.bpmn` of every "one thing" package,
 * with the forms in `<one thing>/forms/*.json`. A package whose latest
 * deployed version has the same XML and the same forms is left alone, so a
 * restart deploys nothing new, while a changed form alone makes a new
 * version (an instance keeps the forms of the version it started on). A
 * package with an error in its process or any form is refused and
 * reported, and the others still deploy.
 */
export async function deployProcessFolder(s: Services, pool: ParsePool, dir: string): Promise<FolderDeployment> {
  const deployed: string[] = [];
  const unchanged: string[] = [];
  const refused: { file: string; problems: readonly Problem[] }[] = [];
  if (!existsSync(dir)) return { deployed, unchanged, refused };
  const forms = formsTable(s.db);
  const latest = s.db.prepare<[string], { version: number; record: string }>('SELECT version, record FROM definitions WHERE process_id = ? ORDER BY version DESC LIMIT 1');
  const latestVersion = s.db.prepare<[string], { version: number | null }>('SELECT MAX(version) AS version FROM definitions WHERE process_id = ?');

  // The comparison, the new version and its forms under one write lock: two servers starting at once deploy once.
  const deployIfChanged = s.db.transaction((input: Omit<DefinitionRecord, 'version'>, packageForms: readonly StoredForm[]) => {
    const current = latest.get(input.processId);
    if (current && (JSON.parse(current.record) as DefinitionRecord).xml === input.xml && sameForms(forms.list(input.processId, current.version), packageForms)) return { stored: undefined };
    const before = latestVersion.get(input.processId)?.version ?? 0;
    // The store writes the version (and its audit row) synchronously inside this transaction; the promise only carries the record.
    const stored = s.store.deployDefinition(input);
    const version = latestVersion.get(input.processId)?.version ?? 0;
    if (version !== before + 1) throw new Error(`Deploying ${input.processId} did not store version ${before + 1} in the deploy transaction`);
    forms.put(input.processId, version, packageForms);
    // Wrapped: a transaction function may not return a promise.
    return { stored };
  });

  for (const entry of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(dir, entry.name, 'process.bpmn');
    if (!existsSync(file)) continue;
    const xml = readFileSync(file, 'utf8');
    const check = await pool.check(xml);
    if (!check.ok) {
      refused.push({ file, problems: check.problems.filter((p) => p.severity === 'error') });
      continue;
    }
    const packageForms = readPackageForms(join(dir, entry.name));
    if (!packageForms.ok) {
      refused.push({ file: packageForms.file, problems: packageForms.problems.map(asDeployProblem) });
      continue;
    }
    for (const p of check.processes) {
      const { stored } = deployIfChanged.immediate({ processId: p.processId, xml, deployedAt: s.clock.now().toISOString(), ...(p.name !== undefined ? { name: p.name } : {}) }, packageForms.forms);
      const record = stored ? await stored : undefined;
      (record ? deployed : unchanged).push(record ? `${record.processId}@${record.version}` : p.processId);
    }
  }
  return { deployed, unchanged, refused };
}
