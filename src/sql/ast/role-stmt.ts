// Role statement nodes (MySQL 8): CREATE/DROP ROLE, GRANT/REVOKE role, SET ROLE, SET DEFAULT ROLE.
import type { StmtBase } from './query.js';
import type { UserSpec } from './ddl-stmt.js';

/** `CREATE ROLE [IF NOT EXISTS] role, …`; a role without a host is `role`@`%`. */
export interface CreateRoleStmt extends StmtBase {
  readonly kind: 'CreateRoleStmt';
  readonly ifNotExists: boolean;
  readonly roles: readonly UserSpec[];
}

/** `DROP ROLE [IF EXISTS] role, …`. */
export interface DropRoleStmt extends StmtBase {
  readonly kind: 'DropRoleStmt';
  readonly ifExists: boolean;
  readonly roles: readonly UserSpec[];
}

/** `GRANT role, … TO user, … [WITH ADMIN OPTION]`. */
export interface GrantRoleStmt extends StmtBase {
  readonly kind: 'GrantRoleStmt';
  readonly roles: readonly UserSpec[];
  readonly users: readonly UserSpec[];
  readonly withAdminOption: boolean;
}

/** `REVOKE role, … FROM user, …`. */
export interface RevokeRoleStmt extends StmtBase {
  readonly kind: 'RevokeRoleStmt';
  readonly roles: readonly UserSpec[];
  readonly users: readonly UserSpec[];
}

/**
 * The roles a DEFAULT ROLE clause or SET ROLE names: NONE, ALL (SET ROLE: `ALL EXCEPT role, …`), DEFAULT (SET ROLE
 * only: the account's default roles) or a list.
 */
export type RoleSelection =
  | { readonly kind: 'none' }
  | { readonly kind: 'default' }
  | { readonly kind: 'all'; readonly except: readonly UserSpec[] }
  | { readonly kind: 'list'; readonly roles: readonly UserSpec[] };

/** `SET ROLE {DEFAULT | NONE | ALL [EXCEPT role, …] | role, …}`: the session's active roles. */
export interface SetRoleStmt extends StmtBase {
  readonly kind: 'SetRoleStmt';
  readonly selection: RoleSelection;
}

/**
 * `SET DEFAULT ROLE {NONE | ALL | role, …} TO user, …` and `ALTER USER user DEFAULT ROLE …` (`isAlterUser`): the roles
 * an account activates when it logs in.
 */
export interface SetDefaultRoleStmt extends StmtBase {
  readonly kind: 'SetDefaultRoleStmt';
  readonly selection: Exclude<RoleSelection, { kind: 'default' }>;
  readonly users: readonly UserSpec[];
  readonly isAlterUser: boolean;
}
