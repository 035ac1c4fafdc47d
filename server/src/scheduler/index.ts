export { Scheduler, type SchedulerOptions, type TickResult } from './scheduler.js';
export { JobBpmnError, type JobContext, type JobHandler, type JobHandlers } from './job-handlers.js';
export { JobTimeoutError } from './run-job.js';
export { incidentRetries, type RetryResult } from './retry-incident.js';
export { incidentsTable, type IncidentRecord, type IncidentStatus } from './incidents-table.js';
export { leaseTable, type LeaseKind, type LeaseTable, type Claimed } from './lease-table.js';
