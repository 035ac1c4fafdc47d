export { auditTrail, type AuditTrail, type AuditEntry, type AuditRecord, type AuditQuery, type AuditVerification } from './audit-trail.js';
export { loadAuditKey } from './audit-key.js';
