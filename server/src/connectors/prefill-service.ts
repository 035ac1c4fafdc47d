import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { parsePrefillBinding, runPrefill, type PrefillBinding, type PrefillFailure, type PrefilledValue } from '@tongban/connectors';
import type { Clock, Prefill } from '@tongban/engine';
import type { AuditEntry, AuditTrail } from '../audit/index.js';
import type { ConnectorRegistry } from './connector-registry.js';
import { RECEIPT_LIFETIME_MS, type PrefillReceipts } from './prefill-receipts.js';

/** A form as it opens: what arrived, from where, and what failed (those fields stay editable). */
export interface FormPrefill {
  /** Sent back with the submission, so the server knows which values it prefilled. */
  readonly prefillId: string;
  readonly form?: string;
  readonly expiresAt: string;
  /** The prefilled values as variables, ready to merge into the form. */
  readonly variables: Record<string, unknown>;
  readonly fields: readonly PrefilledValue[];
  readonly failures: readonly PrefillFailure[];
  readonly empty: readonly { readonly connectorId: string; readonly field: string; readonly path: string }[];
}

export interface PrefillRequest {
  readonly userId: string;
  readonly processId: string;
  readonly instanceId?: string;
  readonly taskId?: string;
  readonly form?: string;
  readonly bindings: readonly Prefill[];
  /** What the form holds so far: the inputs of the bindings come from here. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly signal?: AbortSignal;
}

export interface PrefillServiceDeps {
  /** The receipt and its audit record are one write (one sync to disk under synchronous=FULL). */
  readonly db: Database.Database;
  readonly registry: ConnectorRegistry;
  readonly receipts: PrefillReceipts;
  readonly audit: AuditTrail;
  readonly clock: Clock;
  readonly deadlineMs: number;
}

/** Writes `value` at a dotted path (validated by the binding parser) of a fresh object tree. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[segments.at(-1)!] = value;
}

/**
 * Calls the connectors bound to a form, records a receipt of what came back
 * and audits the personal data fetched, with each connector's declared
 * purpose (个人信息保护法: purpose and minimum necessary).
 */
export function prefillService(deps: PrefillServiceDeps) {
  return async function prefill(request: PrefillRequest): Promise<FormPrefill> {
    const bindings: PrefillBinding[] = [];
    const failures: PrefillFailure[] = [];
    for (const written of request.bindings) {
      const parsed = parsePrefillBinding(written);
      if (parsed.ok) bindings.push(parsed.binding);
      else failures.push({ connectorId: parsed.problem.connectorId, code: 'prefill/binding-invalid', message: parsed.problem.message, messageEn: parsed.problem.messageEn, paths: [] });
    }
    const outcome = await runPrefill(deps.registry.connectorClient(), bindings, request.variables, {
      deadlineMs: deps.deadlineMs, ...(request.signal ? { signal: request.signal } : {}),
    });
    const now = deps.clock.now();
    const at = now.toISOString();
    const receipt = {
      id: randomUUID(), userId: request.userId, processId: request.processId, createdAt: at,
      expiresAt: new Date(now.getTime() + RECEIPT_LIFETIME_MS).toISOString(), values: outcome.values,
      ...(request.instanceId !== undefined ? { instanceId: request.instanceId } : {}), ...(request.taskId !== undefined ? { taskId: request.taskId } : {}),
    };
    const allFailures = [...failures, ...outcome.failures];
    deps.db.transaction(() => {
      deps.receipts.save(receipt);
      if (request.bindings.length > 0) deps.audit.appendInTransaction(prefillAudit(request, receipt.id, at, outcome.values, allFailures, deps.registry));
    }).immediate();
    const variables: Record<string, unknown> = {};
    for (const value of outcome.values) setPath(variables, value.path, value.value);
    return {
      prefillId: receipt.id, expiresAt: receipt.expiresAt, variables, fields: outcome.values, failures: allFailures, empty: outcome.empty,
      ...(request.form !== undefined ? { form: request.form } : {}),
    };
  };
}

export type PrefillFor = ReturnType<typeof prefillService>;

/** Who fetched which personal fields from which sources, for what purpose; never the values. */
function prefillAudit(request: PrefillRequest, prefillId: string, at: string, values: readonly PrefilledValue[], failures: readonly PrefillFailure[], registry: ConnectorRegistry): AuditEntry {
  const calls = [...new Map(values.map((v) => [v.source.correlationId, v])).values()];
  return {
    at, actor: request.userId, action: 'prefill',
    ...(request.instanceId !== undefined ? { instanceId: request.instanceId } : {}), ...(request.taskId !== undefined ? { target: request.taskId } : {}),
    details: {
      processId: request.processId, prefillId,
      sources: calls.map((v) => ({ connectorId: v.connectorId, purpose: registry.get(v.connectorId)?.connector.purpose ?? '', correlationId: v.source.correlationId, fromCache: v.fromCache })),
      personalFields: values.filter((v) => v.personal).map((v) => v.path),
      failures: failures.map((f) => ({ connectorId: f.connectorId, code: f.code })),
    },
  };
}
