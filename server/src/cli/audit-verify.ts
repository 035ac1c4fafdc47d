import { verifyAuditTrailCommand } from './verify-audit-trail.js';

/** Entry of `pnpm audit:verify`; see verify-audit-trail.ts. */
process.exitCode = verifyAuditTrailCommand(process.argv.slice(2), process.env, process.cwd(), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
