// Prints INSERT / REPLACE / UPDATE / DELETE.
import type { Assignment, DeleteStmt, InsertStmt, LoadDataStmt, UpdateStmt } from '../ast/index.js';
import { formatCharset, formatIdent, formatQualified, formatString, formatUserVar } from './format-ident.js';
import { formatOrderLimit } from './format-query.js';
import type { Printer } from './printer.js';

export function formatAssignments(list: readonly Assignment[], f: Printer): string {
  return list.map((a) => `${f.expr(a.column)} = ${f.expr(a.value)}`).join(', ');
}

export function formatInsert(s: InsertStmt, f: Printer): string {
  let out = s.isReplace ? 'REPLACE' : 'INSERT';
  if (s.priority !== undefined) out += ' ' + s.priority;
  if (s.isIgnore) out += ' IGNORE';
  out += ' INTO ' + formatQualified(s.table.db, s.table.name);
  if (s.partitions !== undefined) out += ` PARTITION (${s.partitions.map(formatIdent).join(', ')})`;
  if (s.columns !== undefined) out += ` (${s.columns.map(formatIdent).join(', ')})`;
  switch (s.source.kind) {
    case 'values':
      out += ' VALUES ' + s.source.rows.map((r) => `(${r.map((e) => f.expr(e)).join(', ')})`).join(', ');
      break;
    case 'set':
      out += ' SET ' + formatAssignments(s.source.assignments, f);
      break;
    case 'select':
      out += ' ' + f.query(s.source.query);
      break;
  }
  if (s.rowAlias !== undefined) {
    out += ' AS ' + formatIdent(s.rowAlias.name);
    if (s.rowAlias.columns !== undefined) out += ` (${s.rowAlias.columns.map(formatIdent).join(', ')})`;
  }
  if (s.onDuplicate !== undefined) out += ' ON DUPLICATE KEY UPDATE ' + formatAssignments(s.onDuplicate, f);
  return out;
}

export function formatUpdate(s: UpdateStmt, f: Printer): string {
  let out = 'UPDATE';
  if (s.isLowPriority) out += ' LOW_PRIORITY';
  if (s.isIgnore) out += ' IGNORE';
  out += ' ' + s.tables.map((t) => f.tableRef(t)).join(', ');
  out += ' SET ' + formatAssignments(s.assignments, f);
  if (s.where !== undefined) out += ' WHERE ' + f.expr(s.where);
  return out + formatOrderLimit(s, f);
}

export function formatDelete(s: DeleteStmt, f: Printer): string {
  let out = 'DELETE';
  if (s.isLowPriority) out += ' LOW_PRIORITY';
  if (s.isQuick) out += ' QUICK';
  if (s.isIgnore) out += ' IGNORE';
  const targets = s.targets.map((t) => formatQualified(t.db, t.name)).join(', ');
  if (s.from === undefined) {
    out += ' FROM ' + targets;
    if (s.alias !== undefined) out += ' AS ' + formatIdent(s.alias);
  } else {
    out += ` ${targets} FROM ${s.from.map((t) => f.tableRef(t)).join(', ')}`;
  }
  if (s.where !== undefined) out += ' WHERE ' + f.expr(s.where);
  return out + formatOrderLimit(s, f);
}

export function formatLoadData(s: LoadDataStmt, f: Printer): string {
  let out = 'LOAD DATA';
  if (s.priority !== undefined) out += ' ' + s.priority;
  if (s.isLocal) out += ' LOCAL';
  out += ` INFILE ${formatString(s.fileName)}`;
  if (s.duplicates !== undefined) out += ' ' + s.duplicates;
  out += ' INTO TABLE ' + formatQualified(s.table.db, s.table.name);
  if (s.partitions !== undefined) out += ` PARTITION (${s.partitions.map(formatIdent).join(', ')})`;
  if (s.charset !== undefined) out += ' CHARACTER SET ' + formatCharset(s.charset);
  const fields = s.fields;
  if (fields !== undefined) {
    out += ' FIELDS';
    if (fields.terminatedBy !== undefined) out += ' TERMINATED BY ' + formatString(fields.terminatedBy);
    if (fields.enclosedBy !== undefined) out += `${fields.isOptionallyEnclosed === true ? ' OPTIONALLY' : ''} ENCLOSED BY ${formatString(fields.enclosedBy)}`;
    if (fields.escapedBy !== undefined) out += ' ESCAPED BY ' + formatString(fields.escapedBy);
  }
  if (s.lines !== undefined) {
    out += ' LINES';
    if (s.lines.startingBy !== undefined) out += ' STARTING BY ' + formatString(s.lines.startingBy);
    if (s.lines.terminatedBy !== undefined) out += ' TERMINATED BY ' + formatString(s.lines.terminatedBy);
  }
  if (s.ignoreLines !== undefined) out += ` IGNORE ${s.ignoreLines} LINES`;
  if (s.targets !== undefined) out += ` (${s.targets.map((t) => (t.kind === 'variable' ? formatUserVar(t.name) : formatIdent(t.name))).join(', ')})`;
  if (s.assignments !== undefined) out += ' SET ' + formatAssignments(s.assignments, f);
  return out;
}
