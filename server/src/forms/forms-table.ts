import type Database from 'better-sqlite3';
import { parseFormSchema, type FormSchema } from '@tongban/forms';

/** One form as a package holds it: its id and the JSON text it was read from. */
export interface StoredForm {
  readonly formId: string;
  readonly schema: string;
}

/**
 * The forms deployed with each process definition version. A version's
 * forms never change once stored, so a parsed schema is cached for the life
 * of the process.
 */
export function formsTable(db: Database.Database) {
  const insert = db.prepare<[string, number, string, string]>('INSERT INTO forms (process_id, version, form_id, schema) VALUES (?, ?, ?, ?)');
  const ofVersion = db.prepare<[string, number], { form_id: string; schema: string }>('SELECT form_id, schema FROM forms WHERE process_id = ? AND version = ? ORDER BY form_id');
  const one = db.prepare<[string, number, string], { schema: string }>('SELECT schema FROM forms WHERE process_id = ? AND version = ? AND form_id = ?');
  const parsed = new Map<string, FormSchema | undefined>();

  return {
    /** Stores the forms of a version; called in the transaction that deploys the version. */
    put(processId: string, version: number, forms: readonly StoredForm[]): void {
      for (const form of forms) insert.run(processId, version, form.formId, form.schema);
    },
    list(processId: string, version: number): StoredForm[] {
      return ofVersion.all(processId, version).map((row) => ({ formId: row.form_id, schema: row.schema }));
    },
    /** The form deployed with this version, or undefined when the version has no form of that id. */
    get(processId: string, version: number, formId: string): FormSchema | undefined {
      const key = JSON.stringify([processId, version, formId]);
      if (parsed.has(key)) return parsed.get(key);
      const row = one.get(processId, version, formId);
      // Stored forms passed parseFormSchema at deploy time; parsing again gives the checked, typed schema.
      const result = row ? parseFormSchema(JSON.parse(row.schema) as unknown) : undefined;
      const schema = result?.ok ? result.schema : undefined;
      parsed.set(key, schema);
      return schema;
    },
  };
}

export type FormsTable = ReturnType<typeof formsTable>;
