// Prints CREATE / DROP / ALTER / RENAME / TRUNCATE statements and their parts.
import type {
  AlterTableAction,
  ColumnDef,
  ColumnPosition,
  CreateTableStmt,
  CreateViewStmt,
  DataType,
  DatabaseOptions,
  Expr,
  ForeignKeyReference,
  IndexOptions,
  IndexPart,
  Statement,
  TableConstraint,
  TableName,
  TableOption,
  UserSpec,
} from '../ast/index.js';
import { formatCharset, formatIdent, formatQualified, formatString } from './format-ident.js';
import { STRING_TABLE_OPTIONS } from './parse-table-element.js';
import type { Printer } from './printer.js';

type DdlStmt = Extract<
  Statement,
  {
    kind:
      | 'CreateDatabaseStmt'
      | 'AlterDatabaseStmt'
      | 'DropDatabaseStmt'
      | 'CreateTableStmt'
      | 'DropTableStmt'
      | 'CreateIndexStmt'
      | 'DropIndexStmt'
      | 'AlterTableStmt'
      | 'RenameTableStmt'
      | 'TruncateTableStmt'
      | 'CreateViewStmt'
      | 'DropViewStmt'
      | 'DropTriggerStmt';
  }
>;

function tableName(t: TableName): string {
  return formatQualified(t.db, t.name);
}

/** Prints one DDL statement. */
export function formatDdl(s: DdlStmt, f: Printer): string {
  switch (s.kind) {
    case 'CreateDatabaseStmt':
      return `CREATE DATABASE ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${formatIdent(s.name)}${formatDatabaseOptions(s.options)}`;
    case 'AlterDatabaseStmt':
      return `ALTER DATABASE${s.name === undefined ? '' : ' ' + formatIdent(s.name)}${formatDatabaseOptions(s.options)}`;
    case 'DropDatabaseStmt':
      return `DROP DATABASE ${s.ifExists ? 'IF EXISTS ' : ''}${formatIdent(s.name)}`;
    case 'CreateTableStmt':
      return formatCreateTable(s, f);
    case 'DropTableStmt':
      return `DROP ${s.isTemporary ? 'TEMPORARY ' : ''}TABLE ${s.ifExists ? 'IF EXISTS ' : ''}${s.tables.map(tableName).join(', ')}${s.behavior === undefined ? '' : ' ' + s.behavior}`;
    case 'CreateIndexStmt': {
      const kind = s.indexType === 'INDEX' ? 'INDEX' : `${s.indexType} INDEX`;
      return `CREATE ${kind} ${s.ifNotExists === true ? 'IF NOT EXISTS ' : ''}${formatIdent(s.name)} ON ${tableName(s.table)} ${formatIndexParts(s.parts, f)}${formatIndexOptions(s.options)}`;
    }
    case 'DropIndexStmt':
      return `DROP INDEX ${s.ifExists === true ? 'IF EXISTS ' : ''}${s.name === 'PRIMARY' ? s.name : formatIdent(s.name)} ON ${tableName(s.table)}`;
    case 'AlterTableStmt':
      return `ALTER TABLE ${tableName(s.table)}${s.actions.length === 0 ? '' : ' ' + s.actions.map((a) => formatAlterAction(a, f)).join(', ')}`;
    case 'RenameTableStmt':
      return 'RENAME TABLE ' + s.pairs.map((x) => `${tableName(x.from)} TO ${tableName(x.to)}`).join(', ');
    case 'TruncateTableStmt':
      return `TRUNCATE TABLE ${tableName(s.table)}`;
    case 'CreateViewStmt':
      return formatCreateView(s, f);
    case 'DropTriggerStmt':
      return `DROP TRIGGER ${s.ifExists ? 'IF EXISTS ' : ''}${tableName(s.name)}`;
    case 'DropViewStmt':
      return `DROP VIEW ${s.ifExists ? 'IF EXISTS ' : ''}${s.names.map(tableName).join(', ')}${s.behavior === undefined ? '' : ' ' + s.behavior}`;
  }
}

function formatDatabaseOptions(o: DatabaseOptions): string {
  let out = '';
  if (o.charset !== undefined) out += ' CHARACTER SET ' + formatCharset(o.charset);
  if (o.collate !== undefined) out += ' COLLATE ' + formatCharset(o.collate);
  if (o.encryption !== undefined) out += ' ENCRYPTION ' + formatString(o.encryption);
  return out;
}

function formatCreateTable(s: CreateTableStmt, f: Printer): string {
  let out = `CREATE ${s.isTemporary ? 'TEMPORARY ' : ''}TABLE ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${tableName(s.table)}`;
  if (s.like !== undefined) return `${out} LIKE ${tableName(s.like)}`;
  const elements = [
    ...s.columns.map((c) => formatColumnDef(c, f)),
    ...s.constraints.map((c) => formatConstraint(c, f)),
  ];
  if (elements.length > 0) out += ` (${elements.join(', ')})`;
  if (s.options.length > 0) out += ' ' + formatTableOptions(s.options);
  if (s.partitionText !== undefined) out += ' ' + s.partitionText;
  if (s.duplicateHandling !== undefined) out += ' ' + s.duplicateHandling;
  if (s.query !== undefined) out += ' AS ' + f.query(s.query);
  return out;
}

/** `INT(11) UNSIGNED ZEROFILL`, `VARCHAR(10) CHARACTER SET x COLLATE y`, `ENUM('a','b')`, `DECIMAL(10,2)`. */
export function formatDataType(t: DataType): string {
  let out: string = t.name;
  if (t.values !== undefined) out += `(${t.values.map(formatString).join(',')})`;
  else if (t.length !== undefined) out += t.scale === undefined ? `(${t.length})` : `(${t.length},${t.scale})`;
  if (t.isUnsigned === true) out += ' UNSIGNED';
  if (t.isZerofill === true) out += ' ZEROFILL';
  if (t.isBinary === true) out += ' BINARY';
  if (t.charset !== undefined) out += ' CHARACTER SET ' + formatCharset(t.charset);
  if (t.collate !== undefined) out += ' COLLATE ' + formatCharset(t.collate);
  return out;
}

/** Literal-like defaults print bare; anything else is an expression default and keeps its parentheses. */
function formatDefault(e: Expr, f: Printer, isExpression: boolean | undefined): string {
  const text = f.expr(e);
  return isLiteralDefault(e) && isExpression !== true ? text : `(${text})`;
}

function isLiteralDefault(e: Expr): boolean {
  switch (e.kind) {
    case 'NumberLiteralExpr':
    case 'StringLiteralExpr':
    case 'HexLiteralExpr':
    case 'BitLiteralExpr':
    case 'NullLiteralExpr':
    case 'BoolLiteralExpr':
    case 'TemporalLiteralExpr':
      return true;
    case 'UnaryExpr':
      return (e.op === '-' || e.op === '+') && e.operand.kind === 'NumberLiteralExpr';
    case 'FuncCallExpr':
      return (
        ['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP'].includes(e.name) &&
        e.args.every((a) => a.kind === 'NumberLiteralExpr')
      );
    default:
      return false;
  }
}

export function formatColumnDef(c: ColumnDef, f: Printer): string {
  let out = `${formatIdent(c.name)} ${formatDataType(c.type)}`;
  if (c.generated !== undefined)
    out += ` GENERATED ALWAYS AS (${f.expr(c.generated.expr)}) ${c.generated.isStored ? 'STORED' : 'VIRTUAL'}`;
  if (c.nullable === false) out += ' NOT NULL';
  else if (c.nullable === true) out += ' NULL';
  if (c.default !== undefined) out += ' DEFAULT ' + formatDefault(c.default, f, c.isDefaultExpression);
  if (c.onUpdate !== undefined) out += ' ON UPDATE ' + f.expr(c.onUpdate);
  if (c.isAutoIncrement === true) out += ' AUTO_INCREMENT';
  if (c.autoRandom) {
    const { shardBits, rangeBits } = c.autoRandom;
    out += ' AUTO_RANDOM' + (shardBits === undefined ? '' : `(${shardBits}${rangeBits === undefined ? '' : `, ${rangeBits}`})`);
  }
  if (c.visibility !== undefined) out += ' ' + c.visibility;
  if (c.isUnique === true) out += ' UNIQUE KEY';
  if (c.isPrimaryKey === true) out += ' PRIMARY KEY';
  if (c.comment !== undefined) out += ' COMMENT ' + formatString(c.comment);
  if (c.columnFormat !== undefined) out += ' COLUMN_FORMAT ' + c.columnFormat;
  if (c.storage !== undefined) out += ' STORAGE ' + c.storage;
  if (c.srid !== undefined) out += ' SRID ' + String(c.srid);
  if (c.check !== undefined) out += ' ' + formatConstraint(c.check, f);
  if (c.references !== undefined) out += ' ' + formatReference(c.references);
  return out;
}

function formatIndexParts(parts: readonly IndexPart[], f: Printer): string {
  const list = parts.map((part) => {
    let out = part.expr !== undefined ? `(${f.expr(part.expr)})` : formatIdent(part.column ?? '');
    if (part.length !== undefined) out += `(${part.length})`;
    if (part.direction !== undefined) out += ' ' + part.direction;
    return out;
  });
  return `(${list.join(', ')})`;
}

function formatIndexOptions(o: IndexOptions | undefined): string {
  if (o === undefined) return '';
  let out = '';
  if (o.using !== undefined) out += ' USING ' + o.using;
  if (o.keyBlockSize !== undefined) out += ' KEY_BLOCK_SIZE=' + String(o.keyBlockSize);
  if (o.parser !== undefined) out += ' WITH PARSER ' + formatIdent(o.parser);
  if (o.comment !== undefined) out += ' COMMENT ' + formatString(o.comment);
  if (o.visibility !== undefined) out += ' ' + o.visibility;
  return out;
}

function constraintPrefix(name: string | undefined): string {
  return name === undefined ? '' : `CONSTRAINT ${formatIdent(name)} `;
}

export function formatConstraint(c: TableConstraint, f: Printer): string {
  switch (c.kind) {
    case 'IndexDef': {
      const word = c.indexType === 'PRIMARY' ? 'PRIMARY KEY' : c.indexType === 'INDEX' ? 'KEY' : `${c.indexType} KEY`;
      const name = c.name === undefined ? '' : formatIdent(c.name) + ' ';
      return `${constraintPrefix(c.constraintName)}${word} ${name}${formatIndexParts(c.parts, f)}${formatIndexOptions(c.options)}`;
    }
    case 'ForeignKeyDef': {
      const name = c.indexName === undefined ? '' : formatIdent(c.indexName) + ' ';
      return `${constraintPrefix(c.constraintName)}FOREIGN KEY ${name}(${c.columns.map(formatIdent).join(', ')}) ${formatReference(c.references)}`;
    }
    case 'CheckConstraint': {
      const enforced = c.isEnforced === undefined ? '' : c.isEnforced ? ' ENFORCED' : ' NOT ENFORCED';
      return `${constraintPrefix(c.constraintName)}CHECK (${f.expr(c.expr)})${enforced}`;
    }
  }
}

function formatReference(r: ForeignKeyReference): string {
  let out = `REFERENCES ${tableName(r.table)}`;
  if (r.columns.length > 0) out += ` (${r.columns.map(formatIdent).join(', ')})`;
  if (r.match !== undefined) out += ' MATCH ' + r.match;
  if (r.onDelete !== undefined) out += ' ON DELETE ' + r.onDelete;
  if (r.onUpdate !== undefined) out += ' ON UPDATE ' + r.onUpdate;
  return out;
}

/** `ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='x'`, as SHOW CREATE TABLE writes them. */
export function formatTableOptions(options: readonly TableOption[]): string {
  return options.map(formatTableOption).join(' ');
}

function formatTableOption(o: TableOption): string {
  if (STRING_TABLE_OPTIONS.has(o.name)) return `${o.name}=${formatString(o.value)}`;
  if (o.name === 'CHARSET') return `DEFAULT CHARSET=${o.value === 'DEFAULT' ? o.value : formatCharset(o.value)}`;
  if (o.name === 'UNION') return `UNION=(${o.value.split(',').map(formatIdent).join(', ')})`;
  if (/^[0-9]+$/.test(o.value) || o.value === 'DEFAULT') return `${o.name}=${o.value}`;
  return `${o.name}=${formatIdent(o.value)}`;
}

function formatPosition(p: ColumnPosition | undefined): string {
  if (p === undefined) return '';
  return p.kind === 'FIRST' ? ' FIRST' : ' AFTER ' + formatIdent(p.column);
}

function formatAlterAction(a: AlterTableAction, f: Printer): string {
  switch (a.kind) {
    case 'AddColumn':
      if (a.columns.length === 1 && a.columns[0] !== undefined)
        return `ADD COLUMN ${formatColumnDef(a.columns[0], f)}${formatPosition(a.position)}`;
      return `ADD COLUMN (${a.columns.map((c) => formatColumnDef(c, f)).join(', ')})`;
    case 'AddConstraint':
      return 'ADD ' + formatConstraint(a.constraint, f);
    case 'DropColumn':
      return `DROP COLUMN ${a.ifExists === true ? 'IF EXISTS ' : ''}${formatIdent(a.name)}`;
    case 'DropIndex':
      return `DROP INDEX ${a.ifExists === true ? 'IF EXISTS ' : ''}${formatIdent(a.name)}`;
    case 'DropPrimaryKey':
      return 'DROP PRIMARY KEY';
    case 'DropForeignKey':
      return 'DROP FOREIGN KEY ' + formatIdent(a.name);
    case 'DropCheck':
      return 'DROP CHECK ' + formatIdent(a.name);
    case 'DropConstraint':
      return 'DROP CONSTRAINT ' + formatIdent(a.name);
    case 'AlterCheckEnforcement':
      return `ALTER ${a.word} ${formatIdent(a.name)} ${a.isEnforced ? '' : 'NOT '}ENFORCED`;
    case 'ModifyColumn':
      return `MODIFY COLUMN ${formatColumnDef(a.column, f)}${formatPosition(a.position)}`;
    case 'ChangeColumn':
      return `CHANGE COLUMN ${formatIdent(a.oldName)} ${formatColumnDef(a.column, f)}${formatPosition(a.position)}`;
    case 'RenameColumn':
      return `RENAME COLUMN ${formatIdent(a.oldName)} TO ${formatIdent(a.newName)}`;
    case 'RenameIndex':
      return `RENAME INDEX ${formatIdent(a.oldName)} TO ${formatIdent(a.newName)}`;
    case 'RenameTable':
      return 'RENAME TO ' + tableName(a.to);
    case 'AlterColumnDefault':
      return a.default === undefined
        ? `ALTER COLUMN ${formatIdent(a.name)} DROP DEFAULT`
        : `ALTER COLUMN ${formatIdent(a.name)} SET DEFAULT ${formatDefault(a.default, f, a.isDefaultExpression)}`;
    case 'AlterColumnVisibility':
      return `ALTER COLUMN ${formatIdent(a.name)} SET ${a.visibility}`;
    case 'AlterIndexVisibility':
      return `ALTER INDEX ${formatIdent(a.name)} ${a.visibility}`;
    case 'TableOptions':
      return formatTableOptions(a.options);
    case 'ConvertCharset':
      return `CONVERT TO CHARACTER SET ${a.charset === 'DEFAULT' ? a.charset : formatCharset(a.charset)}${a.collate === undefined ? '' : ' COLLATE ' + formatCharset(a.collate)}`;
    case 'AlgorithmOption':
      return `${a.name}=${a.value}`;
    case 'EnableKeys':
      return a.isEnable ? 'ENABLE KEYS' : 'DISABLE KEYS';
    case 'OrderBy':
      return 'ORDER BY ' + a.columns.map(formatIdent).join(', ');
    case 'Force':
      return 'FORCE';
  }
}

/** `'user'@'host'` or CURRENT_USER. */
export function formatUserSpec(u: UserSpec): string {
  if (u.kind === 'currentUser') return 'CURRENT_USER';
  return u.host === undefined ? formatString(u.user) : `${formatString(u.user)}@${formatString(u.host)}`;
}

function formatCreateView(s: CreateViewStmt, f: Printer): string {
  let out = s.isAlter === true ? 'ALTER' : s.orReplace ? 'CREATE OR REPLACE' : 'CREATE';
  if (s.algorithm !== undefined) out += ' ALGORITHM = ' + s.algorithm;
  if (s.definer !== undefined) out += ' DEFINER = ' + formatUserSpec(s.definer);
  if (s.security !== undefined) out += ' SQL SECURITY ' + s.security;
  out += ' VIEW ' + tableName(s.name);
  if (s.columns !== undefined) out += ` (${s.columns.map(formatIdent).join(', ')})`;
  out += ' AS ' + f.query(s.query);
  if (s.checkOption !== undefined) out += ` WITH ${s.checkOption} CHECK OPTION`;
  return out;
}
