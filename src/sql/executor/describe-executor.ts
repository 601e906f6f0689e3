// DESCRIBE / SHOW [FULL] COLUMNS, SHOW INDEX and SHOW CREATE TABLE, in MySQL's column layout and wording.
import type { ShowStmt } from '../ast/index.js';
import type { Catalog, ColumnInfo, TableInfo } from '../catalog/index.js';
import { indexCardinality, shownColumns } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { expressionColumn, rowsResult } from '../statement-result.js';
import type { RowsResult } from '../statement-result.js';
import { TypeKind, blobMaxBytes, fieldType, defaultLiteralText, formatFieldType, isTextType } from '../types/index.js';
import { collationInfo, defaultCollationOf } from '../collation/index.js';
import type { SqlValue } from '../types/index.js';
import { likePatternToRegExp } from '../expression/index.js';
import { mysqlError, ER_NO_DB_ERROR, ER_NOT_SEQUENCE } from '../../errors/index.js';
import { columnExtra, currentTimestampText, defaultText, indexPartSource, keyKind, sequenceDefaultText } from '../infoschema/column-description.js';
import { foreignKeyClause } from '../constraints/index.js';
import { createSequenceText } from './sequence-executor.js';
import { autoRandomText } from './auto-random.js';

const TEXT = fieldType(TypeKind.VarChar, { length: 64 });
const LONG_TEXT = fieldType(TypeKind.VarChar, { length: 1024 });

function findTable(catalog: Catalog, session: ExecutionContext, name: { db?: string | undefined; name: string }, db?: string): { table: TableInfo; databaseName: string } {
  const databaseName = db ?? name.db ?? session.currentDatabase;
  if (databaseName === undefined) throw mysqlError(ER_NO_DB_ERROR);
  const table = catalog.getTable(databaseName, name.name);
  return { table, databaseName: catalog.getDatabase(databaseName).name };
}

/** DESCRIBE t / SHOW [FULL] COLUMNS FROM t [LIKE p]. */
export function showColumns(catalog: Catalog, session: ExecutionContext, stmt: Pick<ShowStmt, 'table' | 'db' | 'isFull' | 'like'>, onlyColumn?: string): RowsResult {
  const { table } = findTable(catalog, session, stmt.table!, stmt.db);
  const pattern = stmt.like ?? onlyColumn;
  const matches = pattern === undefined ? () => true : ((regexp) => (name: string) => regexp.test(name))(likePatternToRegExp(pattern, '\\', true));
  const isFull = stmt.isFull ?? false;
  const names = isFull
    ? ['Field', 'Type', 'Collation', 'Null', 'Key', 'Default', 'Extra', 'Privileges', 'Comment']
    : ['Field', 'Type', 'Null', 'Key', 'Default', 'Extra'];
  const rows = shownColumns(table).filter((column) => matches(column.name)).map((column) => {
    const extra = columnExtra(column, 'show');
    const base: SqlValue[] = [column.name, formatFieldType(column.type), column.isNotNull ? 'NO' : 'YES', keyKind(table, column), defaultText(column), extra];
    if (!isFull) return base;
    const collation = column.type.collation === 'binary' || !column.type.kind.match(/char|text/) ? null : column.type.collation;
    return [base[0]!, base[1]!, collation, base[2]!, base[3]!, base[4]!, base[5]!, 'select,insert,update,references', column.comment];
  });
  return rowsResult(names.map((name) => expressionColumn(name, name === 'Default' || name === 'Comment' || name === 'Type' ? LONG_TEXT : TEXT, name !== 'Default' && name !== 'Collation')), rows);
}

/** SHOW INDEX FROM t: one row per index column, as MySQL lists them. */
export function showIndex(catalog: Catalog, session: ExecutionContext, stmt: ShowStmt): RowsResult {
  const { table } = findTable(catalog, session, stmt.table!, stmt.db);
  const names = ['Table', 'Non_unique', 'Key_name', 'Seq_in_index', 'Column_name', 'Collation', 'Cardinality', 'Sub_part', 'Packed', 'Null', 'Index_type', 'Comment', 'Index_comment', 'Visible', 'Expression'];
  const rows: SqlValue[][] = [];
  for (const index of table.indexes) {
    index.columnOffsets.forEach((offset, i) => {
      const column = table.columns[offset]!;
      const { name, expression } = indexPartSource(column);
      rows.push([table.name, index.isUnique ? 0n : 1n, index.name, BigInt(i + 1), name, index.descending?.[i] === true ? 'D' : 'A', indexCardinality(table, index, i + 1), null, null, column.isNotNull ? '' : 'YES', 'BTREE', '', '', index.isInvisible === true ? 'NO' : 'YES', expression]);
    });
  }
  const numeric = new Set(['Non_unique', 'Seq_in_index', 'Cardinality', 'Sub_part']);
  return rowsResult(names.map((name) => expressionColumn(name, numeric.has(name) ? fieldType(TypeKind.BigInt, { length: 21 }) : TEXT, false)), rows);
}

/** SHOW CREATE TABLE t: the definition as MySQL prints it (views: SHOW CREATE VIEW's layout; sequences: TiDB's). */
export function showCreateTable(catalog: Catalog, session: ExecutionContext, stmt: ShowStmt): RowsResult {
  const { table, databaseName } = findTable(catalog, session, stmt.table!, stmt.db);
  if (stmt.target === 'CREATE SEQUENCE' && !table.sequence) throw mysqlError(ER_NOT_SEQUENCE, stmt.table!.db ?? stmt.db ?? session.currentDatabase ?? '', table.name);
  if (table.sequence) {
    return rowsResult([expressionColumn('Table', TEXT, true), expressionColumn('Create Table', LONG_TEXT, true)], [[table.name, createSequenceText(table, table.sequence)]]);
  }
  if (table.view) {
    const text = `CREATE ALGORITHM=UNDEFINED DEFINER=\`root\`@\`%\` SQL SECURITY DEFINER VIEW ${quote(table.name)} AS ${table.view.definition}`;
    return rowsResult(['View', 'Create View', 'character_set_client', 'collation_connection'].map((name) => expressionColumn(name, LONG_TEXT, true)), [[table.name, text, 'utf8mb4', 'utf8mb4_bin']]);
  }
  const lines = shownColumns(table).map((column) => `  ${quote(column.name)} ${columnDefinitionText(column, table)}`);
  for (const index of table.indexes) {
    const part = (column: ColumnInfo): string => (column.isFunctionalKeyPart === true ? `(${column.generated!.expr})` : quote(column.name));
    const columns = index.columnOffsets.map((offset, i) => part(table.columns[offset]!) + (index.descending?.[i] === true ? ' DESC' : '')).join(',');
    if (index.isPrimary) lines.push(`  PRIMARY KEY (${columns})`);
    else lines.push(`  ${index.isUnique ? 'UNIQUE KEY' : 'KEY'} ${quote(index.name)} (${columns})${index.isInvisible === true ? ' /*!80000 INVISIBLE */' : ''}`);
  }
  for (const fk of table.foreignKeys ?? []) lines.push(`  ${foreignKeyClause(fk, databaseName)}`);
  // MySQL lists CHECK constraints by name, a NOT ENFORCED one with that in a versioned comment.
  const checks = [...(table.checks ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const check of checks) lines.push(`  CONSTRAINT ${quote(check.name)} CHECK (${check.expr})${check.isEnforced ? '' : ' /*!80016 NOT ENFORCED */'}`);
  const comment = table.comment ? ` COMMENT='${table.comment.replace(/'/g, "''")}'` : '';
  const text = `CREATE ${table.isTemporary === true ? 'TEMPORARY ' : ''}TABLE ${quote(table.name)} (\n${lines.join(',\n')}\n) ENGINE=InnoDB ${tableCharsetText(table)}${comment}`;
  return rowsResult([expressionColumn('Table', TEXT, true), expressionColumn('Create Table', LONG_TEXT, true)], [[table.name, text]]);
}

function quote(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/**
 * `DEFAULT CHARSET=x [COLLATE=y]` as MySQL 8 prints it: the collation when it is not the character set's default,
 * and always for utf8mb4 (whose default collation is a server setting).
 */
function tableCharsetText(table: TableInfo): string {
  const isDefault = defaultCollationOf(table.charset) === table.collation && table.charset !== 'utf8mb4';
  return `DEFAULT CHARSET=${table.charset}${isDefault ? '' : ` COLLATE=${table.collation}`}`;
}

/** A text column's `CHARACTER SET`/`COLLATE` where they differ from the table's, as MySQL 8 prints them. */
function columnCharsetText(column: ColumnInfo, table: TableInfo): string[] {
  if (!isTextType(column.type)) return [];
  const charset = collationInfo(column.type.collation).charset;
  if (charset !== table.charset) {
    return [`CHARACTER SET ${charset}`, ...(defaultCollationOf(charset) === column.type.collation ? [] : [`COLLATE ${column.type.collation}`])];
  }
  return column.type.collation === table.collation ? [] : [`COLLATE ${column.type.collation}`];
}

function columnDefinitionText(column: ColumnInfo, table: TableInfo): string {
  const parts = [formatFieldType(column.type), ...columnCharsetText(column, table)];
  if (column.generated) parts.push(`GENERATED ALWAYS AS (${column.generated.expr}) ${column.generated.isStored ? 'STORED' : 'VIRTUAL'}`);
  if (column.isNotNull) parts.push('NOT NULL');
  const spec = column.defaultValue;
  // MySQL prints no DEFAULT for BLOB/TEXT, and a nullable TIMESTAMP says NULL explicitly.
  if (column.type.kind === TypeKind.Timestamp && !column.isNotNull) parts.push('NULL');
  if (spec.kind === 'null' && !column.isNotNull && blobMaxBytes[column.type.kind] === undefined) parts.push('DEFAULT NULL');
  if (spec.kind === 'literal') parts.push(`DEFAULT ${defaultLiteralText(column.type, String(spec.value))}`);
  if (spec.kind === 'current-timestamp') parts.push(`DEFAULT ${currentTimestampText(column)}`);
  if (spec.kind === 'sequence') parts.push(`DEFAULT ${sequenceDefaultText(spec)}`);
  if (spec.kind === 'expression') parts.push(`DEFAULT (${spec.expr})`);
  if (column.onUpdateCurrentTimestamp) parts.push(`ON UPDATE ${currentTimestampText(column)}`);
  if (column.isAutoIncrement) parts.push('AUTO_INCREMENT');
  const autoRandom = autoRandomText(column);
  if (autoRandom !== undefined) parts.push(autoRandom);
  if (column.isInvisible === true) parts.push('/*!80023 INVISIBLE */');
  if (column.comment) parts.push(`COMMENT '${column.comment.replace(/'/g, "''")}'`);
  return parts.join(' ');
}
