export { ROLES, Role, hasRole, type CurrentUser } from './roles.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { usersTable, type UsersTable, type UserRecord, type NewUser, type UserChanges } from './users.js';
export { sessionsTable, type SessionsTable, type SessionTimeouts } from './sessions.js';
export { signIn, type SignIn, LOCKOUT_AFTER, LOCKOUT_MS } from './sign-in.js';
