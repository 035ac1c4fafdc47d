import type Database from 'better-sqlite3';

export interface DepartmentRecord {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly createdAt: string;
}

interface Row { id: string; name: string; name_en: string | null; created_at: string }

const toRecord = (r: Row): DepartmentRecord => ({ id: r.id, name: r.name, createdAt: r.created_at, ...(r.name_en !== null ? { nameEn: r.name_en } : {}) });

/** The departments (部门) that tasks, lanes and clerks belong to. Ids are the `tb:department` values in BPMN. */
export function departmentsTable(db: Database.Database) {
  const all = db.prepare<[], Row>('SELECT * FROM departments ORDER BY id');
  const byId = db.prepare<[string], Row>('SELECT * FROM departments WHERE id = ?');
  const upsert = db.prepare<[string, string, string | null, string]>(`INSERT INTO departments (id, name, name_en, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en`);
  return {
    list: (): DepartmentRecord[] => all.all().map(toRecord),
    get: (id: string): DepartmentRecord | undefined => {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    put: (d: { id: string; name: string; nameEn?: string | undefined }, at: string): void => {
      upsert.run(d.id, d.name, d.nameEn ?? null, at);
    },
  };
}

export type DepartmentsTable = ReturnType<typeof departmentsTable>;
