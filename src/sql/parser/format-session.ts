// Prints transaction, SET, SHOW/DESCRIBE and utility statements.
import type { SetAssignment, ShowStmt, Statement } from '../ast/index.js';
import { formatUserSpec } from './format-ddl.js';
import { formatCharset, formatIdent, formatQualified, formatString, formatUserVar } from './format-ident.js';
import type { Printer } from './printer.js';

type SessionStmt = Extract<
  Statement,
  {
    kind:
      | 'BeginStmt'
      | 'CommitStmt'
      | 'RollbackStmt'
      | 'SavepointStmt'
      | 'ReleaseSavepointStmt'
      | 'SetStmt'
      | 'SetTransactionStmt'
      | 'ShowStmt'
      | 'DescribeStmt'
      | 'UseStmt'
      | 'KillStmt'
      | 'FlushStmt'
      | 'LockTablesStmt'
      | 'UnlockTablesStmt'
      | 'AlterInstanceStmt'
      | 'DoStmt'
      | 'CheckTableStmt'
      | 'AnalyzeTableStmt'
      | 'OptimizeTableStmt'
      | 'ChecksumTableStmt'
      | 'PrepareStmt'
      | 'ExecuteStmt'
      | 'DeallocateStmt';
  }
>;

function completion(s: { readonly chain?: boolean; readonly release?: boolean }): string {
  let out = '';
  if (s.chain !== undefined) out += s.chain ? ' AND CHAIN' : ' AND NO CHAIN';
  if (s.release !== undefined) out += s.release ? ' RELEASE' : ' NO RELEASE';
  return out;
}

/** Prints one session-level statement. */
export function formatSession(s: SessionStmt, f: Printer): string {
  switch (s.kind) {
    case 'BeginStmt': {
      if (!s.isStartTransaction) return 'BEGIN';
      const chars: string[] = [];
      if (s.withConsistentSnapshot === true) chars.push('WITH CONSISTENT SNAPSHOT');
      if (s.accessMode !== undefined) chars.push(s.accessMode);
      return chars.length === 0 ? 'START TRANSACTION' : 'START TRANSACTION ' + chars.join(', ');
    }
    case 'CommitStmt':
      return 'COMMIT' + completion(s);
    case 'RollbackStmt':
      return s.savepoint === undefined
        ? 'ROLLBACK' + completion(s)
        : 'ROLLBACK TO SAVEPOINT ' + formatIdent(s.savepoint);
    case 'SavepointStmt':
      return 'SAVEPOINT ' + formatIdent(s.name);
    case 'ReleaseSavepointStmt':
      return 'RELEASE SAVEPOINT ' + formatIdent(s.name);
    case 'SetStmt': {
      // A scope keyword carries over to later unscoped names, so after one, an unscoped name is written @@name.
      let hasScope = false;
      return (
        'SET ' +
        s.assignments
          .map((a) => {
            const text = formatSetAssignment(a, f, hasScope);
            if (a.kind === 'SetSysVar' && a.scope !== undefined) hasScope = true;
            return text;
          })
          .join(', ')
      );
    }
    case 'SetTransactionStmt': {
      const chars: string[] = [];
      if (s.isolationLevel !== undefined) chars.push('ISOLATION LEVEL ' + s.isolationLevel);
      if (s.accessMode !== undefined) chars.push(s.accessMode);
      return `SET ${s.scope === undefined ? '' : s.scope + ' '}TRANSACTION ${chars.join(', ')}`;
    }
    case 'ShowStmt':
      return formatShow(s, f);
    case 'DescribeStmt':
      return `DESCRIBE ${formatQualified(s.table.db, s.table.name)}${s.column === undefined ? '' : ' ' + formatIdent(s.column)}`;
    case 'UseStmt':
      return 'USE ' + formatIdent(s.db);
    case 'KillStmt':
      return `KILL ${s.isQuery ? 'QUERY' : 'CONNECTION'} ${f.expr(s.id)}`;
    case 'FlushStmt': {
      let out = `FLUSH ${s.isLocal ? 'LOCAL ' : ''}${s.options.join(', ')}`;
      if (s.tables !== undefined) out += ' ' + s.tables.map((t) => formatQualified(t.db, t.name)).join(', ');
      if (s.tablesMode !== undefined) out += ' ' + s.tablesMode;
      return out;
    }
    case 'LockTablesStmt':
      return (
        'LOCK TABLES ' +
        s.tables
          .map(
            (t) =>
              `${formatQualified(t.table.db, t.table.name)}${t.alias === undefined ? '' : ' AS ' + formatIdent(t.alias)} ${t.mode}`,
          )
          .join(', ')
      );
    case 'UnlockTablesStmt':
      return 'UNLOCK TABLES';
    case 'AlterInstanceStmt':
      return `ALTER INSTANCE ${s.action}${s.channel === undefined ? '' : ' FOR CHANNEL ' + formatIdent(s.channel)}${s.noRollbackOnError ? ' NO ROLLBACK ON ERROR' : ''}`;
    case 'DoStmt':
      return 'DO ' + s.exprs.map((e) => f.expr(e)).join(', ');
    case 'CheckTableStmt':
      return `CHECK TABLE ${s.tables.map((t) => formatQualified(t.db, t.name)).join(', ')}${s.option === undefined ? '' : ` ${s.option}`}`;
    case 'AnalyzeTableStmt':
      return `ANALYZE ${s.option === undefined ? '' : `${s.option} `}TABLE ${s.tables.map((t) => formatQualified(t.db, t.name)).join(', ')}`;
    case 'OptimizeTableStmt':
      return `${s.op.toUpperCase()} ${s.option === undefined ? '' : `${s.option} `}TABLE ${s.tables.map((t) => formatQualified(t.db, t.name)).join(', ')}`;
    case 'ChecksumTableStmt':
      return `CHECKSUM TABLE ${s.tables.map((t) => formatQualified(t.db, t.name)).join(', ')}${s.option === undefined ? '' : ` ${s.option}`}`;
    case 'PrepareStmt':
      return `PREPARE ${formatIdent(s.name)} FROM ${s.source.kind === 'text' ? formatString(s.source.text) : formatUserVar(s.source.variable.name)}`;
    case 'ExecuteStmt':
      return `EXECUTE ${formatIdent(s.name)}${s.using.length === 0 ? '' : ' USING ' + s.using.map((v) => formatUserVar(v.name)).join(', ')}`;
    case 'DeallocateStmt':
      return 'DEALLOCATE PREPARE ' + formatIdent(s.name);
  }
}

function formatSetAssignment(a: SetAssignment, f: Printer, afterScope: boolean): string {
  switch (a.kind) {
    case 'SetSysVar': {
      const name = a.name.split('.').map(formatIdent).join('.');
      const prefix = a.scope !== undefined ? a.scope + ' ' : afterScope ? '@@' : '';
      return `${prefix}${name} = ${f.expr(a.value)}`;
    }
    case 'SetUserVar':
      return `${formatUserVar(a.target.name)} = ${f.expr(a.value)}`;
    case 'SetNames':
      if (a.charset === undefined) return 'NAMES DEFAULT';
      return `NAMES ${formatCharset(a.charset)}${a.collate === undefined ? '' : ' COLLATE ' + (a.collate === 'DEFAULT' ? a.collate : formatCharset(a.collate))}`;
    case 'SetCharset':
      return a.charset === undefined ? 'CHARACTER SET DEFAULT' : 'CHARACTER SET ' + formatCharset(a.charset);
  }
}

function formatShow(s: ShowStmt, f: Printer): string {
  let out = 'SHOW';
  if (s.isFull === true) out += ' FULL';
  if (s.isExtended === true) out += ' EXTENDED';
  if (s.scope !== undefined) out += ' ' + s.scope;
  switch (s.target) {
    case 'COLUMNS':
    case 'INDEX':
      out += ` ${s.target} FROM ${formatQualified(s.table?.db, s.table?.name ?? '')}`;
      if (s.db !== undefined) out += ' FROM ' + formatIdent(s.db);
      break;
    case 'CREATE TABLE':
    case 'CREATE VIEW':
    case 'CREATE SEQUENCE':
    case 'CREATE PROCEDURE':
    case 'CREATE FUNCTION':
    case 'CREATE TRIGGER':
    case 'CREATE EVENT':
      out += ` ${s.target} ${formatQualified(s.table?.db, s.table?.name ?? '')}`;
      break;
    case 'CREATE DATABASE':
      out += ` CREATE DATABASE ${s.ifNotExists === true ? 'IF NOT EXISTS ' : ''}${formatIdent(s.db ?? '')}`;
      break;
    case 'CREATE USER':
      out += ' CREATE USER ' + (s.user === undefined ? '' : formatUserSpec(s.user));
      break;
    case 'GRANTS':
      out += ' GRANTS' + (s.user === undefined ? '' : ' FOR ' + formatUserSpec(s.user));
      if (s.usingRoles !== undefined) out += ' USING ' + s.usingRoles.map(formatUserSpec).join(', ');
      break;
    case 'COUNT WARNINGS':
    case 'COUNT ERRORS':
      out += ` COUNT(*) ${s.target.slice('COUNT '.length)}`;
      break;
    case 'ENGINE STATUS':
      out += ` ENGINE ${formatIdent(s.engine ?? '')} STATUS`;
      break;
    default:
      out += ' ' + s.target;
      if (s.db !== undefined) out += ' FROM ' + formatIdent(s.db);
      break;
  }
  if (s.limit !== undefined)
    out += ` LIMIT ${f.expr(s.limit.count)}${s.limit.offset === undefined ? '' : ' OFFSET ' + f.expr(s.limit.offset)}`;
  if (s.like !== undefined) out += ' LIKE ' + formatString(s.like);
  if (s.where !== undefined) out += ' WHERE ' + f.expr(s.where);
  return out;
}
