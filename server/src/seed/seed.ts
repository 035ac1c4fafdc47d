import { randomUUID } from 'node:crypto';
import { hashPassword } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { DEMO_DEPARTMENTS, demoUsers } from './demo-users.js';

/**
 * Creates the demo departments and users that do not exist yet; existing
 * ones are left as they are (a second start changes nothing, and a password
 * an administrator changed stays changed).
 */
export async function seedDemo(s: Services, password: string): Promise<{ departments: number; users: number }> {
  const at = s.clock.now().toISOString();
  let departments = 0;
  for (const d of DEMO_DEPARTMENTS) {
    if (s.departments.get(d.id)) continue;
    s.departments.put(d, at);
    departments++;
  }
  const missing = demoUsers().filter((u) => !s.users.byUsername(u.username));
  // One hash, shared: argon2 is slow on purpose, and the demo users share the password anyway.
  const passwordHash = missing.length > 0 ? await hashPassword(password) : '';
  let users = 0;
  for (const u of missing) {
    try {
      s.users.insert({ id: randomUUID(), username: u.username, displayName: u.displayName, passwordHash, roles: u.roles, departments: u.departments }, at);
      users++;
    } catch (error) {
      // Another process seeding the same file at the same moment created it.
      if (!String((error as Error).message).includes('UNIQUE')) throw error;
    }
  }
  if (departments + users > 0) s.audit.append({ at, action: 'seed.demo', details: { departments, users } });
  return { departments, users };
}
