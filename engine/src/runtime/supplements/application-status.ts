import type { InstanceRecord, InstanceStatus } from '../records.js';

/** The status to show: an instance whose process has ended but still owes a material awaits the supplement. */
export type ApplicationStatus = InstanceStatus | 'awaiting-supplement';

export function applicationStatus(instance: Pick<InstanceRecord, 'status' | 'awaitingSupplement'>): ApplicationStatus {
  return instance.status === 'active' && instance.awaitingSupplement ? 'awaiting-supplement' : instance.status;
}
