// The privileges each statement needs, checked before it runs (1142 table, 1044 database, 1227 global).
import type { Statement, TableName, TableNameRef } from '../ast/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { resolveUser } from './account-executor.js';
import type { Privileges } from './privilege-check.js';

/** Every table a statement reads through FROM/JOIN (subqueries included), minus the names of its CTEs. */
function readTables(node: unknown): TableName[] {
  const tables: TableName[] = [];
  const cteNames = new Set<string>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const record = value as Record<string, unknown>;
    if (record.kind === 'TableNameRef') tables.push((record as unknown as TableNameRef).table);
    const withClause = record.with as { ctes?: readonly { name?: string }[] } | undefined;
    for (const cte of withClause?.ctes ?? []) if (typeof cte.name === 'string') cteNames.add(cte.name.toLowerCase());
    for (const key of Object.keys(record)) if (key !== 'text') visit(record[key]);
  };
  visit(node);
  return tables.filter((table) => table.db !== undefined || !cteNames.has(table.name.toLowerCase()));
}

/** Checks that the context's account may run `stmt`; throws MySQL's access error otherwise. */
export function checkStatementPrivileges(stmt: Statement, context: ExecutionContext, privileges: Privileges): void {
  if (context.privilegeAccount === undefined) return;
  const current = context.currentDatabase;
  const table = (privilege: string, name: TableName): void => {
    const db = name.db ?? current;
    if (db !== undefined) privileges.requireTable(context, privilege, db, name.name);
  };
  const account = context.privilegeAccount;
  const reads = (node: unknown, except: readonly TableName[] = []): void => {
    // Global SELECT covers every table a statement can read: skip walking its tree (the common case, root).
    if (privileges.hasGlobal(account, 'SELECT')) return;
    const skip = new Set(except.map((t) => `${(t.db ?? current ?? '').toLowerCase()}.${t.name.toLowerCase()}`));
    for (const name of readTables(node)) {
      if (!skip.has(`${(name.db ?? current ?? '').toLowerCase()}.${name.name.toLowerCase()}`)) table('SELECT', name);
    }
  };
  switch (stmt.kind) {
    case 'SelectStmt':
    case 'UnionStmt':
    case 'ValuesStmt':
      return reads(stmt);
    case 'InsertStmt':
      table('INSERT', stmt.table);
      if (stmt.isReplace) table('DELETE', stmt.table);
      if (stmt.onDuplicate !== undefined) table('UPDATE', stmt.table);
      return reads(stmt);
    case 'UpdateStmt': {
      const targets = readTables(stmt.tables);
      for (const name of targets) table('UPDATE', name);
      return reads({ ...stmt, tables: [] });
    }
    case 'DeleteStmt':
      for (const name of stmt.targets) table('DELETE', name);
      return reads(stmt, stmt.targets);
    case 'CreateTableStmt':
      table('CREATE', stmt.table);
      if (stmt.like !== undefined) table('SELECT', stmt.like);
      return reads(stmt.query);
    case 'DropTableStmt':
      for (const name of stmt.tables) table('DROP', name);
      return;
    case 'TruncateTableStmt':
      return table('DROP', stmt.table);
    case 'AlterTableStmt':
      return table('ALTER', stmt.table);
    case 'CreateIndexStmt':
    case 'DropIndexStmt':
      return table('INDEX', stmt.table);
    case 'RenameTableStmt':
      for (const pair of stmt.pairs) {
        table('ALTER', pair.from);
        table('DROP', pair.from);
        table('CREATE', pair.to);
        table('INSERT', pair.to);
      }
      return;
    case 'CreateViewStmt':
      table('CREATE VIEW', stmt.name);
      if (stmt.orReplace || stmt.isAlter === true) table('DROP', stmt.name);
      return reads(stmt.query);
    case 'DropViewStmt':
      for (const name of stmt.names) table('DROP', name);
      return;
    case 'CreateDatabaseStmt':
      return privileges.requireDatabase(context, 'CREATE', stmt.name);
    case 'DropDatabaseStmt':
      return privileges.requireDatabase(context, 'DROP', stmt.name);
    case 'AlterDatabaseStmt': {
      const db = stmt.name ?? current;
      if (db !== undefined) privileges.requireDatabase(context, 'ALTER', db);
      return;
    }
    case 'ExplainStmt':
      return checkStatementPrivileges(stmt.stmt, context, privileges);
    case 'DescribeStmt': {
      const db = stmt.table.db ?? current;
      if (db !== undefined) privileges.requireTableAccess(context, 'SELECT', db, stmt.table.name);
      return;
    }
    case 'ShowStmt':
      return checkShow(stmt, context, privileges);
    case 'CreateUserStmt':
    case 'DropUserStmt':
    case 'RenameUserStmt':
      return privileges.requireGlobal(context, 'CREATE USER');
    case 'AlterUserStmt': {
      // Changing one's own password needs no privilege; everything else is CREATE USER's.
      const isSelfPassword =
        Object.keys(stmt.options).length === 0 && stmt.accounts.every((a) => isSelf(resolveUser(a.user, context), context) && a.auth?.plugin === undefined);
      if (!isSelfPassword) privileges.requireGlobal(context, 'CREATE USER');
      return;
    }
    case 'SetPasswordStmt':
      if (stmt.user !== undefined && !isSelf(resolveUser(stmt.user, context), context)) privileges.requireGlobal(context, 'CREATE USER');
      return;
    case 'FlushStmt':
      return privileges.requireGlobal(context, 'RELOAD');
    case 'GrantStmt':
    case 'RevokeStmt':
      // GRANT OPTION and the granted privileges themselves are checked by the grant executor, per level.
      return;
    default:
      return;
  }
}

function isSelf(id: { user: string; host: string }, context: ExecutionContext): boolean {
  const account = context.privilegeAccount;
  return account !== undefined && account.user === id.user && account.host.toLowerCase() === id.host.toLowerCase();
}

function checkShow(stmt: Extract<Statement, { kind: 'ShowStmt' }>, context: ExecutionContext, privileges: Privileges): void {
  const current = context.currentDatabase;
  switch (stmt.target) {
    case 'TABLES':
    case 'TABLE STATUS': {
      const db = stmt.db ?? current;
      if (db !== undefined) privileges.requireDatabaseAccess(context, db);
      return;
    }
    case 'COLUMNS':
    case 'INDEX':
    case 'CREATE TABLE':
    case 'CREATE VIEW': {
      if (stmt.table === undefined) return;
      const db = stmt.table.db ?? stmt.db ?? current;
      if (db !== undefined) privileges.requireTableAccess(context, stmt.target === 'CREATE VIEW' ? 'SHOW VIEW' : 'SELECT', db, stmt.table.name);
      return;
    }
    case 'CREATE USER':
    case 'GRANTS':
      if (stmt.user !== undefined && !isSelf(resolveUser(stmt.user, context), context)) {
        const account = context.privilegeAccount;
        if (account !== undefined && !privileges.hasGlobal(account, 'CREATE USER')) privileges.requireDatabase(context, 'SELECT', 'mysql');
      }
      return;
    default:
      return;
  }
}
