import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFormSchema, type FormProblem } from '@tongban/forms';
import type { StoredForm } from './forms-table.js';

export type PackageForms =
  | { readonly ok: true; readonly forms: readonly StoredForm[] }
  | { readonly ok: false; readonly file: string; readonly problems: readonly FormProblem[] };

/**
 * Reads `<package>/forms/*.json` and checks each with parseFormSchema. The
 * first bad file refuses the whole package: a process must not run with a
 * form the server cannot check.
 */
export function readPackageForms(packageDir: string): PackageForms {
  const dir = join(packageDir, 'forms');
  if (!existsSync(dir)) return { ok: true, forms: [] };
  const forms: StoredForm[] = [];
  const files = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => e.name).sort();
  for (const name of files) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, file, problems: [{ path: '', code: 'form/not-json', message: `不是有效的 JSON：${detail}`, messageEn: `not valid JSON: ${detail}` }] };
    }
    const parsed = parseFormSchema(json);
    if (!parsed.ok) return { ok: false, file, problems: parsed.problems };
    const formId = parsed.schema.id;
    if (forms.some((f) => f.formId === formId)) {
      return { ok: false, file, problems: [{ path: 'id', code: 'form/duplicate-id', message: `表单标识 ${formId} 重复`, messageEn: `form id ${formId} is used twice` }] };
    }
    forms.push({ formId, schema: text });
  }
  return { ok: true, forms };
}
