import type Database from 'better-sqlite3';
import type { DefinitionRecord } from '@tongban/engine';

export interface DefinitionSummary {
  readonly processId: string;
  readonly version: number;
  readonly name?: string;
  readonly deployedAt: string;
}

const summary = (r: DefinitionRecord): DefinitionSummary => ({
  processId: r.processId, version: r.version, deployedAt: r.deployedAt, ...(r.name !== undefined ? { name: r.name } : {}),
});

/** Lists over the definitions table that the engine's port has no need for. */
export function definitionsQuery(db: Database.Database) {
  const latest = db.prepare<[number, number], { record: string }>(`SELECT d.record FROM definitions d
    JOIN (SELECT process_id, MAX(version) AS version FROM definitions GROUP BY process_id) m USING (process_id, version)
    ORDER BY d.process_id LIMIT ? OFFSET ?`);
  const count = db.prepare<[], { n: number }>('SELECT COUNT(DISTINCT process_id) AS n FROM definitions');
  const versions = db.prepare<[string], { record: string }>('SELECT record FROM definitions WHERE process_id = ? ORDER BY version DESC');
  const parse = (row: { record: string }) => summary(JSON.parse(row.record) as DefinitionRecord);
  return {
    /** The latest version of each process. */
    latest: (page: { limit: number; offset: number }) => ({ items: latest.all(page.limit, page.offset).map(parse), total: count.get()?.n ?? 0 }),
    versions: (processId: string): DefinitionSummary[] => versions.all(processId).map(parse),
  };
}
