import type Database from 'better-sqlite3';
import type { DefinitionRecord } from '@tongban/engine';
import { fromJson } from './record-json.js';

export type DeployInput = Omit<DefinitionRecord, 'version'>;

/** Process definitions: immutable versions, numbered per process. */
export function definitionsTable(db: Database.Database, onDeploy?: (record: DefinitionRecord) => void) {
  const latestVersion = db.prepare<[string], { version: number | null }>('SELECT MAX(version) AS version FROM definitions WHERE process_id = ?');
  const insert = db.prepare<[string, number, string]>('INSERT INTO definitions (process_id, version, record) VALUES (?, ?, ?)');
  const byVersion = db.prepare<[string, number], { record: string }>('SELECT record FROM definitions WHERE process_id = ? AND version = ?');
  const latest = db.prepare<[string], { record: string }>('SELECT record FROM definitions WHERE process_id = ? ORDER BY version DESC LIMIT 1');

  // Immediate: the latest version is read under the write lock, so two
  // connections deploying at once cannot pick the same number.
  const deploy = db.transaction((input: DeployInput): DefinitionRecord => {
    const version = (latestVersion.get(input.processId)?.version ?? 0) + 1;
    const record: DefinitionRecord = { ...input, version };
    insert.run(record.processId, version, JSON.stringify(record));
    onDeploy?.(record);
    return record;
  });

  // The comparison and the insert under one write lock: two processes starting at once deploy once.
  const deployIfChanged = db.transaction((input: DeployInput): DefinitionRecord | undefined => {
    const current = fromJson<DefinitionRecord>(latest.get(input.processId));
    return current?.xml === input.xml ? undefined : deploy(input);
  });

  return {
    deploy: (input: DeployInput): DefinitionRecord => deploy.immediate(input),
    deployIfChanged: (input: DeployInput): DefinitionRecord | undefined => deployIfChanged.immediate(input),
    get: (processId: string, version?: number): DefinitionRecord | undefined =>
      fromJson(version === undefined ? latest.get(processId) : byVersion.get(processId, version)),
  };
}
