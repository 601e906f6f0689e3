// Statement specs of accounts and grants: CREATE/ALTER/DROP/RENAME USER, SET PASSWORD, GRANT, REVOKE.
import {
  executeAlterUser,
  executeCreateUser,
  executeDropUser,
  executeRenameUser,
  executeSetPassword,
} from '../accounts/account-executor.js';
import { executeGrant, executeRevoke } from '../accounts/grant-executor.js';
import type { EngineStatementSpec, StatementOf } from './statement-spec.js';

type AccountKind = 'CreateUserStmt' | 'AlterUserStmt' | 'DropUserStmt' | 'RenameUserStmt' | 'SetPasswordStmt' | 'GrantStmt' | 'RevokeStmt';

/** Account statements change the grant tables: like DDL, they commit first and are their own transaction. */
const ACCOUNT_TRAITS = { runsIn: 'engine', isDdl: true, isReadOnly: false, isPreparable: true } as const;

export const ACCOUNT_STATEMENTS: { [K in AccountKind]: EngineStatementSpec<StatementOf<K>> } = {
  CreateUserStmt: {
    ...ACCOUNT_TRAITS,
    com: 'Com_create_user',
    checkPrivileges: (_stmt, check) => check.global('CREATE USER'),
    execute: (stmt, engine, context) => executeCreateUser(stmt, engine.accounts, context),
  },
  AlterUserStmt: {
    ...ACCOUNT_TRAITS,
    com: 'Com_alter_user',
    checkPrivileges: (stmt, check) => {
      // Changing one's own password needs no privilege; everything else is CREATE USER's.
      const isSelfPassword = Object.keys(stmt.options).length === 0 && stmt.accounts.every((a) => check.isSelf(a.user) && a.auth?.plugin === undefined);
      if (!isSelfPassword) check.global('CREATE USER');
    },
    execute: (stmt, engine, context) => executeAlterUser(stmt, engine.accounts, context),
  },
  DropUserStmt: {
    ...ACCOUNT_TRAITS,
    com: 'Com_drop_user',
    checkPrivileges: (_stmt, check) => check.global('CREATE USER'),
    execute: (stmt, engine, context) => executeDropUser(stmt, engine.accounts, context),
  },
  RenameUserStmt: {
    ...ACCOUNT_TRAITS,
    com: 'Com_rename_user',
    checkPrivileges: (_stmt, check) => check.global('CREATE USER'),
    execute: (stmt, engine, context) => executeRenameUser(stmt, engine.accounts, context),
  },
  SetPasswordStmt: {
    ...ACCOUNT_TRAITS,
    com: 'Com_set_password',
    checkPrivileges: (stmt, check) => {
      if (stmt.user !== undefined && !check.isSelf(stmt.user)) check.global('CREATE USER');
    },
    execute: (stmt, engine, context) => executeSetPassword(stmt, engine.accounts, context),
  },
  GrantStmt: {
    ...ACCOUNT_TRAITS,
    com: 'Com_grant',
    // GRANT OPTION and the granted privileges themselves are checked by the grant executor, per level.
    checkPrivileges: () => undefined,
    execute: (stmt, engine, context) => executeGrant(stmt, engine.accounts, engine.privileges, engine.catalog, context),
  },
  RevokeStmt: {
    ...ACCOUNT_TRAITS,
    // REVOKE ALL PRIVILEGES, GRANT OPTION FROM … has no level.
    com: (stmt) => (stmt.level === undefined ? 'Com_revoke_all' : 'Com_revoke'),
    checkPrivileges: () => undefined,
    execute: (stmt, engine, context) => executeRevoke(stmt, engine.accounts, engine.privileges, engine.catalog, context),
  },
};
