import { z } from 'zod';

/**
 * The five roles. A user may hold several; a department clerk acts only
 * within the departments listed on their account.
 * - designer: draws and deploys processes (no applications);
 * - frontdesk: the comprehensive window (综合窗口) that receives and starts applications;
 * - clerk: a department clerk (部门审批人员) who claims and completes their department's tasks;
 * - manager: reads reports and applications, masked;
 * - admin: users, departments, calendar, audit, incidents.
 */
export const ROLES = ['designer', 'frontdesk', 'clerk', 'manager', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The signed-in user a request acts for. */
export interface CurrentUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly departments: readonly string[];
  readonly sessionId: string;
  readonly csrfToken: string;
}

export function hasRole(user: CurrentUser, ...roles: readonly Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}
