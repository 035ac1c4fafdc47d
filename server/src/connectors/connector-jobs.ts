import type { Runtime } from '@tongban/engine';
import type { AuditTrail } from '../audit/index.js';
import { JobBpmnError, type JobHandler, type JobHandlers } from '../scheduler/index.js';
import type { ConnectorRegistry } from './connector-registry.js';
import { findNode } from './find-node.js';
import type { Provenance, ProvenanceTable } from './provenance.js';

/** A source's "no such record" is a business outcome a process can model with a boundary error event of this code. */
export const NOT_FOUND_ERROR_CODE = 'NOT_FOUND';

export interface ConnectorJobDeps {
  readonly registry: ConnectorRegistry;
  readonly runtime: Runtime;
  readonly provenance: ProvenanceTable;
  readonly audit: AuditTrail;
}

/**
 * Service tasks (`tb:connector`) run as scheduler jobs through the connector
 * catalogue: the job's input (evaluated by the engine when it was enqueued)
 * is the connector's input; its declared fields are the result. A failure
 * is thrown as a technical error, so the scheduler retries it with back-off
 * and then raises an incident an administrator can retry; a 404 from the
 * source is the business error `NOT_FOUND`.
 */
export function connectorJobHandlers(deps: ConnectorJobDeps): JobHandlers {
  const handler: JobHandler = async (job, { signal }) => {
    const connectorId = job.connector!;
    const input = job.input !== null && typeof job.input === 'object' && !Array.isArray(job.input) ? (job.input as Record<string, unknown>) : {};
    const result = await deps.registry.connectorClient().call(connectorId, input, { signal });
    if (!result.ok) {
      if (result.status === 404) throw new JobBpmnError(NOT_FOUND_ERROR_CODE, `${connectorId}: ${result.messageEn}`);
      throw new Error(`${connectorId}: ${result.code} ${result.messageEn}`);
    }
    const instance = await deps.runtime.getInstance(job.instanceId);
    const process = await deps.runtime.processFor(instance.processId, instance.version);
    const node = findNode(process.model.scope, job.elementId);
    const prefix = node?.kind === 'serviceTask' && node.resultVariable !== undefined ? `${node.resultVariable}.` : '';
    const at = result.source.at;
    const entries = new Map<string, Provenance>(Object.keys(result.values).map((field) => [`${prefix}${field}`, {
      origin: 'service-task', at, jobId: job.id, connectorId, field, sourceAt: at, correlationId: result.source.correlationId,
    }]));
    // Recorded before the engine takes the result: a retried job overwrites the same rows.
    deps.provenance.record(job.instanceId, entries);
    deps.audit.append({
      at, action: 'connector.job', instanceId: job.instanceId, target: job.id,
      details: { connectorId, purpose: deps.registry.get(connectorId)?.connector.purpose ?? '', correlationId: result.source.correlationId, personalFields: result.personalFields },
    });
    return result.values;
  };
  return { get: (connector) => (deps.registry.get(connector) ? handler : undefined) };
}
