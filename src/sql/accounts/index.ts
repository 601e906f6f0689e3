// Accounts and privileges: the grant tables, the account cache, host matching and the account statements.
export { AccountStore, NO_AUTH_STRINGS } from './account-store.js';
export type { DatabaseGrant, TableGrant } from './account-store.js';
export { DEFAULT_AUTH_PLUGIN, LOCK_TIME_UNBOUNDED, accountKey, accountName } from './account.js';
export type { Account, AuthStringFactory } from './account.js';
export { hostMatches, isLoopbackHost } from './host-pattern.js';
export { FailedLogins } from './failed-logins.js';
export type { FailedLoginChange, LoginBlock } from './failed-logins.js';
export { loginRoles, selectActiveRoles } from './role-executor.js';
export { formatAuthId } from './role-graph.js';
export type { AuthId } from './account-store.js';
export { applicableRoleRows, enabledRoleRows } from './role-rows.js';
