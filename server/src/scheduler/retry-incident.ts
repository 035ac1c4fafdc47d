import type { Services } from '../app/services.js';
import { incidentsTable, type IncidentRecord } from './incidents-table.js';
import { leaseTable } from './lease-table.js';

export type RetryResult =
  | { readonly ok: true; readonly incident: IncidentRecord }
  | { readonly ok: false; readonly reason: 'not-found' | 'already-resolved' };

/**
 * An administrator's retry of an incident, in one transaction: the incident
 * is resolved by them, the timer's or job's attempts start again from zero
 * with no back-off and no lease, so the next tick of any node picks it up,
 * and the audit trail says who did it.
 */
export function incidentRetries(s: Pick<Services, 'db' | 'audit' | 'clock'>) {
  const incidents = incidentsTable(s.db);
  const leases = { timer: leaseTable(s.db, 'timer'), job: leaseTable(s.db, 'job') };
  const retry = s.db.transaction((id: string, userId: string): RetryResult => {
    const incident = incidents.get(id);
    if (!incident) return { ok: false, reason: 'not-found' };
    const at = s.clock.now().toISOString();
    if (!incidents.resolve(id, at, userId)) return { ok: false, reason: 'already-resolved' };
    leases[incident.kind].reset(incident.targetId);
    s.audit.append({ at, actor: userId, action: 'incident.retry', target: incident.targetId, instanceId: incident.instanceId, details: { incidentId: id, kind: incident.kind } });
    return { ok: true, incident: incidents.get(id)! };
  });

  return {
    list: incidents.list,
    retry: (id: string, userId: string): RetryResult => retry.immediate(id, userId),
  };
}
