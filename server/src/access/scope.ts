import { hasRole, type CurrentUser } from '../accounts/index.js';

/**
 * What part of the applications a user may read. Managers and
 * administrators read everything (masked); the front desk reads every
 * application it may have received; a department clerk reads only the
 * applications with a task of one of their departments, and only their
 * departments' tasks. The scope is applied inside the SQL of every list,
 * so totals, search and exports cannot reveal what is out of it.
 */
export interface ReadScope {
  /** All instances, or those with a task of these departments. */
  readonly instances: 'all' | readonly string[];
  /** All tasks, or the tasks of these departments. */
  readonly tasks: 'all' | readonly string[];
}

export function readScope(user: CurrentUser): ReadScope {
  if (hasRole(user, 'admin', 'manager')) return { instances: 'all', tasks: 'all' };
  if (hasRole(user, 'frontdesk')) return { instances: 'all', tasks: user.departments };
  return { instances: user.departments, tasks: user.departments };
}

/** Clear personal data is for those whose duty needs it: the front desk and the clerks handling the application. */
export function seesClearData(user: CurrentUser): boolean {
  return hasRole(user, 'frontdesk', 'clerk') && !hasRole(user, 'admin', 'manager', 'designer');
}

/** May the user act on a task of this department (claim, complete, return, reject, comment)? */
export function actsFor(user: CurrentUser, department: string | undefined): boolean {
  return department !== undefined && hasRole(user, 'clerk', 'frontdesk') && user.departments.includes(department);
}
