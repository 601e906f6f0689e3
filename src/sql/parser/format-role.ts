// Prints role statements (CREATE/DROP ROLE, GRANT/REVOKE role, SET ROLE, SET DEFAULT ROLE).
import type { RoleSelection, Statement } from '../ast/index.js';
import { formatUserSpec } from './format-ddl.js';

type RoleStmt = Extract<Statement, { kind: 'CreateRoleStmt' | 'DropRoleStmt' | 'GrantRoleStmt' | 'RevokeRoleStmt' | 'SetRoleStmt' | 'SetDefaultRoleStmt' }>;

function formatSelection(selection: RoleSelection): string {
  switch (selection.kind) {
    case 'none':
      return 'NONE';
    case 'default':
      return 'DEFAULT';
    case 'all':
      return selection.except.length === 0 ? 'ALL' : 'ALL EXCEPT ' + selection.except.map(formatUserSpec).join(', ');
    case 'list':
      return selection.roles.map(formatUserSpec).join(', ');
  }
}

/** Prints one role statement. */
export function formatRoleStmt(s: RoleStmt): string {
  switch (s.kind) {
    case 'CreateRoleStmt':
      return (s.ifNotExists ? 'CREATE ROLE IF NOT EXISTS ' : 'CREATE ROLE ') + s.roles.map(formatUserSpec).join(', ');
    case 'DropRoleStmt':
      return (s.ifExists ? 'DROP ROLE IF EXISTS ' : 'DROP ROLE ') + s.roles.map(formatUserSpec).join(', ');
    case 'GrantRoleStmt':
      return `GRANT ${s.roles.map(formatUserSpec).join(', ')} TO ${s.users.map(formatUserSpec).join(', ')}${s.withAdminOption ? ' WITH ADMIN OPTION' : ''}`;
    case 'RevokeRoleStmt':
      return `REVOKE ${s.roles.map(formatUserSpec).join(', ')} FROM ${s.users.map(formatUserSpec).join(', ')}`;
    case 'SetRoleStmt':
      return 'SET ROLE ' + formatSelection(s.selection);
    case 'SetDefaultRoleStmt':
      return s.isAlterUser
        ? `ALTER USER ${s.users.map(formatUserSpec).join(', ')} DEFAULT ROLE ${formatSelection(s.selection)}`
        : `SET DEFAULT ROLE ${formatSelection(s.selection)} TO ${s.users.map(formatUserSpec).join(', ')}`;
  }
}
