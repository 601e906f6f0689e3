// Statement specs of MySQL 8's roles: CREATE/DROP ROLE, GRANT/REVOKE role, SET DEFAULT ROLE (also ALTER USER …
// DEFAULT ROLE) and SET ROLE, whose handler is the session's (it changes the session's active roles).
import { executeCreateRole, executeDropRole, executeGrantRole, executeRevokeRole, executeSetDefaultRole } from '../accounts/role-executor.js';
import type { EngineStatementSpec, SessionStatementSpec, StatementOf } from './statement-spec.js';

type EngineRoleKind = 'CreateRoleStmt' | 'DropRoleStmt' | 'GrantRoleStmt' | 'RevokeRoleStmt' | 'SetDefaultRoleStmt';

/** Role statements change the grant tables: like DDL, they commit first and are their own transaction. */
const ROLE_TRAITS = { runsIn: 'engine', isDdl: true, isReadOnly: false, isPreparable: true } as const;

export const ROLE_STATEMENTS: { [K in EngineRoleKind]: EngineStatementSpec<StatementOf<K>> } & { SetRoleStmt: SessionStatementSpec<StatementOf<'SetRoleStmt'>> } = {
  CreateRoleStmt: {
    ...ROLE_TRAITS,
    com: 'Com_create_role',
    checkPrivileges: (_stmt, check) => check.global('CREATE USER', 'CREATE ROLE'),
    execute: (stmt, engine, context) => executeCreateRole(stmt, engine.accounts, context),
  },
  DropRoleStmt: {
    ...ROLE_TRAITS,
    com: 'Com_drop_role',
    checkPrivileges: (_stmt, check) => check.global('CREATE USER', 'DROP ROLE'),
    execute: (stmt, engine, context) => executeDropRole(stmt, engine.accounts, context),
  },
  GrantRoleStmt: {
    ...ROLE_TRAITS,
    com: 'Com_grant_roles',
    // ROLE_ADMIN or WITH ADMIN OPTION on every role: the executor checks it once the roles are known to exist (3523 first).
    checkPrivileges: () => undefined,
    execute: (stmt, engine, context) => executeGrantRole(stmt, engine.accounts, engine.privileges, context),
  },
  RevokeRoleStmt: {
    ...ROLE_TRAITS,
    com: 'Com_revoke_roles',
    checkPrivileges: () => undefined,
    execute: (stmt, engine, context) => executeRevokeRole(stmt, engine.accounts, engine.privileges, context),
  },
  SetDefaultRoleStmt: {
    ...ROLE_TRAITS,
    com: 'Com_alter_user_default_role',
    // One's own default roles need no privilege (the roles must be granted); anyone else's need CREATE USER.
    checkPrivileges: (stmt, check) => {
      if (!stmt.users.every((user) => check.isSelf(user))) check.global('CREATE USER');
    },
    execute: (stmt, engine, context) => executeSetDefaultRole(stmt, engine.accounts, context),
  },
  SetRoleStmt: { runsIn: 'session', isDdl: false, isReadOnly: true, isPreparable: true, com: 'Com_set_role', checkPrivileges: () => undefined },
};
