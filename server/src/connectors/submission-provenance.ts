import type { PrefilledValue } from '@tongban/connectors';
import type { Services } from '../app/services.js';
import type { CurrentUser } from '../accounts/index.js';
import { Problem } from '../http/problem.js';
import { provenanceOf, type Submitter } from './provenance.js';

/** What a submission's `prefillId` must match: the form it was prefilled for. */
export interface ReceiptScope {
  readonly processId: string;
  readonly taskId?: string;
}

/**
 * The values the server prefilled for this form, by the receipt the client
 * sends back. An unknown, foreign or expired receipt is refused before
 * anything is written, so the client can prefill again and resubmit.
 */
export function prefilledValues(s: Services, prefillId: string | undefined, user: CurrentUser, scope: ReceiptScope): readonly PrefilledValue[] {
  if (prefillId === undefined) return [];
  const receipt = s.prefillReceipts.find(prefillId, user.id, s.clock.now().toISOString());
  if (!receipt || receipt.processId !== scope.processId || receipt.taskId !== scope.taskId) {
    const message = '预填记录不存在、已过期或不属于此表单，请重新预填 (unknown or expired prefill for this form; prefill again)';
    throw new Problem('request/invalid', message, { errors: [{ in: 'body', path: 'prefillId', pointer: '/prefillId', code: 'prefill/unknown', message }] });
  }
  return receipt.values;
}

/** Records where each submitted value came from, after the engine has taken the submission. */
export function recordSubmission(s: Services, options: {
  readonly instanceId: string;
  readonly submitted: Readonly<Record<string, unknown>>;
  readonly prefilled: readonly PrefilledValue[];
  readonly before: Readonly<Record<string, unknown>>;
  readonly submitter: Submitter;
}): void {
  const entries = provenanceOf({ ...options, existing: s.provenance.of(options.instanceId), at: s.clock.now().toISOString() });
  s.provenance.record(options.instanceId, entries);
}
