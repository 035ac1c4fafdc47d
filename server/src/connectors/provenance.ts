import type Database from 'better-sqlite3';
import { readVariable, type PrefilledValue } from '@tongban/connectors';

/** Where one value of an application came from. */
export type Provenance =
  | { readonly origin: 'applicant'; readonly by: string; readonly at: string }
  | { readonly origin: 'clerk'; readonly by: string; readonly at: string; readonly taskId?: string }
  | ({ readonly origin: 'prefilled'; readonly by: string; readonly at: string } & SourceRef)
  /** Prefilled, then changed by the person submitting; the source is kept so the change can be checked against it. */
  | ({ readonly origin: 'prefilled-edited'; readonly by: string; readonly at: string } & SourceRef)
  | ({ readonly origin: 'service-task'; readonly at: string; readonly jobId: string } & SourceRef);

export interface SourceRef {
  readonly connectorId: string;
  readonly field: string;
  /** When the source answered. */
  readonly sourceAt: string;
  readonly correlationId: string;
}

export type ProvenanceOrigin = Provenance['origin'];

/** Who submits: the front desk for the applicant (start, resubmission), or a clerk on a task. */
export type Submitter = { readonly kind: 'applicant'; readonly userId: string } | { readonly kind: 'clerk'; readonly userId: string; readonly taskId: string };

const MAX_DEPTH = 16;

/** Dotted paths of the leaves of submitted variables; an array is one value. */
export function leafPaths(value: unknown, prefix = '', depth = 0): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth >= MAX_DEPTH) return prefix === '' ? [] : [prefix];
  return Object.entries(value).flatMap(([key, item]) => leafPaths(item, prefix === '' ? key : `${prefix}.${key}`, depth + 1));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The provenance of what one submission wrote. A prefilled value left as
 * it was is `prefilled`; one changed before submitting is
 * `prefilled-edited`; a value the submitter typed is the applicant's (at
 * the front desk) or the clerk's. A value changed that an earlier prefill
 * or service task supplied becomes `prefilled-edited` too.
 */
export function provenanceOf(options: {
  readonly submitted: Readonly<Record<string, unknown>>;
  readonly prefilled: readonly PrefilledValue[];
  readonly before: Readonly<Record<string, unknown>>;
  readonly existing: ReadonlyMap<string, Provenance>;
  readonly submitter: Submitter;
  readonly at: string;
}): Map<string, Provenance> {
  const { submitted, submitter, at } = options;
  const by = submitter.userId;
  const result = new Map<string, Provenance>();
  const fromPrefill = new Map(options.prefilled.map((v) => [v.path, v]));
  for (const path of leafPaths(submitted)) {
    const value = readVariable(submitted, path);
    const prefill = fromPrefill.get(path);
    if (prefill) {
      const source = { connectorId: prefill.connectorId, field: prefill.field, sourceAt: prefill.source.at, correlationId: prefill.source.correlationId };
      result.set(path, { origin: same(prefill.value, value) ? 'prefilled' : 'prefilled-edited', by, at, ...source });
      continue;
    }
    const earlier = options.existing.get(path);
    if (earlier && same(readVariable(options.before, path), value)) continue;
    if (earlier && (earlier.origin === 'prefilled' || earlier.origin === 'prefilled-edited' || earlier.origin === 'service-task')) {
      const { connectorId, field, sourceAt, correlationId } = earlier;
      result.set(path, { origin: 'prefilled-edited', by, at, connectorId, field, sourceAt, correlationId });
      continue;
    }
    result.set(path, submitter.kind === 'applicant' ? { origin: 'applicant', by, at } : { origin: 'clerk', by, at, taskId: submitter.taskId });
  }
  return result;
}

/** The `value_provenance` rows of each instance. */
export function provenanceTable(db: Database.Database) {
  const ofInstance = db.prepare<[string], { path: string; record: string }>('SELECT path, record FROM value_provenance WHERE instance_id = ? ORDER BY path');
  const upsert = db.prepare<[string, string, string, string]>(`INSERT INTO value_provenance (instance_id, path, origin, record) VALUES (?, ?, ?, ?)
    ON CONFLICT (instance_id, path) DO UPDATE SET origin = excluded.origin, record = excluded.record`);
  return {
    of(instanceId: string): Map<string, Provenance> {
      return new Map(ofInstance.all(instanceId).map((r) => [r.path, JSON.parse(r.record) as Provenance]));
    },
    record(instanceId: string, entries: ReadonlyMap<string, Provenance>): void {
      if (entries.size === 0) return;
      db.transaction(() => {
        for (const [path, provenance] of entries) upsert.run(instanceId, path, provenance.origin, JSON.stringify(provenance));
      })();
    },
  };
}

export type ProvenanceTable = ReturnType<typeof provenanceTable>;
