// The parts of CREATE/ALTER TABLE: column definitions, key and constraint definitions, table options.
import type {
  CheckConstraint,
  ColumnDef,
  DataType,
  Expr,
  ForeignKeyReference,
  IndexDef,
  IndexOptions,
  IndexPart,
  ReferentialAction,
  TableConstraint,
  TableOption,
} from '../ast/index.js';
import { parseDataType } from './parse-data-type.js';
import { parseExpr } from './parse-expr.js';
import { parseIdentList, parseTableName } from './parse-table-ref.js';
import type { Parser } from './parser.js';
import { Prec } from './precedence.js';
import { TokenType } from './token.js';
import type { Mutable } from './mutable.js';

/** Words that start a key/constraint definition rather than a column. */
const CONSTRAINT_STARTS: ReadonlySet<string> = new Set([
  'CONSTRAINT',
  'PRIMARY',
  'UNIQUE',
  'INDEX',
  'KEY',
  'FULLTEXT',
  'SPATIAL',
  'FOREIGN',
  'CHECK',
]);

/** True when the current token starts a key or constraint definition. */
export function isConstraintStart(p: Parser): boolean {
  return p.tok.type === TokenType.Ident && CONSTRAINT_STARTS.has(p.tok.upper);
}

/** `name type [attributes…]` */
export function parseColumnDef(p: Parser): ColumnDef {
  const name = p.ident();
  let type: Mutable<DataType> = parseDataType(p);
  const col: Mutable<ColumnDef> = { name, type };
  for (;;) {
    if (p.acceptWords('NOT', 'NULL')) col.nullable = false;
    else if (p.acceptWord('NULL')) col.nullable = true;
    else if (p.acceptWord('DEFAULT')) {
      if (p.isOp('(')) col.isDefaultExpression = true;
      col.default = parseDefaultValue(p);
    }
    else if (p.acceptWords('ON', 'UPDATE')) col.onUpdate = parseExpr(p, Prec.COLLATE);
    else if (p.acceptWord('AUTO_INCREMENT')) col.isAutoIncrement = true;
    else if (p.acceptWord('AUTO_RANDOM')) {
      const autoRandom: { shardBits?: number; rangeBits?: number } = {};
      if (p.acceptOp('(')) {
        autoRandom.shardBits = p.integer();
        if (p.acceptOp(',')) autoRandom.rangeBits = p.integer();
        p.expectOp(')');
      }
      col.autoRandom = autoRandom;
    }
    else if (p.acceptWords('PRIMARY', 'KEY') || p.acceptWord('KEY')) col.isPrimaryKey = true;
    else if (p.acceptWord('UNIQUE')) {
      if (!p.acceptWord('KEY')) p.acceptWord('INDEX');
      col.isUnique = true;
    } else if (p.acceptWord('COMMENT')) col.comment = p.string();
    else if (p.isWord('COLLATE')) {
      p.advance();
      type = { ...type, collate: p.charsetName() };
      col.type = type;
    } else if (p.isWord('CHARACTER') || p.isWord('CHARSET')) {
      if (!p.acceptWord('CHARSET')) {
        p.advance();
        p.expectWord('SET');
      }
      type = { ...type, charset: p.charsetName() };
      col.type = type;
    } else if (p.isWord('GENERATED') || p.isWord('AS')) {
      if (p.acceptWord('GENERATED')) p.expectWord('ALWAYS');
      p.expectWord('AS');
      p.expectOp('(');
      const expr = parseExpr(p);
      p.expectOp(')');
      const storage = p.acceptOneOf(['VIRTUAL', 'STORED'] as const);
      col.generated = { expr, isStored: storage === 'STORED' };
    } else if (p.isWord('VISIBLE') || p.isWord('INVISIBLE'))
      col.visibility = p.advance().upper as 'VISIBLE' | 'INVISIBLE';
    else if (p.acceptWord('COLUMN_FORMAT')) col.columnFormat = p.expectOneOf(['FIXED', 'DYNAMIC', 'DEFAULT'] as const);
    else if (p.acceptWord('STORAGE')) col.storage = p.expectOneOf(['DISK', 'MEMORY'] as const);
    else if (p.acceptWord('SRID')) col.srid = p.integer();
    else if (p.isWord('CHECK') || (p.isWord('CONSTRAINT') && (p.isWordAt(1, 'CHECK') || p.isWordAt(2, 'CHECK'))))
      col.check = parseCheck(p);
    else if (p.isWord('REFERENCES')) col.references = parseReference(p);
    else if (p.acceptWord('SERIAL')) {
      p.expectWord('DEFAULT');
      p.expectWord('VALUE');
      col.nullable = false;
      col.isAutoIncrement = true;
      col.isUnique = true;
    } else break;
  }
  return col;
}

/** DEFAULT's value: a (signed) literal, NOW()-like function, or `(expr)`. */
/** A DEFAULT's value: a literal (or CURRENT_TIMESTAMP), or an expression in parentheses. */
export function parseDefaultValue(p: Parser): Expr {
  if (p.isOp('(')) {
    p.advance();
    const e = parseExpr(p);
    p.expectOp(')');
    return e;
  }
  return parseExpr(p, Prec.COLLATE);
}

/** A key/constraint definition inside CREATE TABLE or after ALTER TABLE … ADD. */
export function parseConstraint(p: Parser): TableConstraint {
  let constraintName: string | undefined;
  if (p.acceptWord('CONSTRAINT')) {
    if (p.isIdentAt(0)) constraintName = p.ident();
  }
  if (p.isWord('CHECK')) {
    const check = parseCheckBody(p);
    return constraintName === undefined ? check : { ...check, constraintName };
  }
  if (p.acceptWords('FOREIGN', 'KEY')) {
    const indexName = p.isIdentAt(0) ? p.ident() : undefined;
    const columns = parseIdentList(p);
    const references = parseReference(p);
    return {
      kind: 'ForeignKeyDef',
      ...(constraintName !== undefined && { constraintName }),
      ...(indexName !== undefined && { indexName }),
      columns,
      references,
    };
  }
  let indexType: IndexDef['indexType'];
  if (p.acceptWords('PRIMARY', 'KEY')) indexType = 'PRIMARY';
  else if (p.acceptWord('UNIQUE')) {
    if (!p.acceptWord('KEY')) p.acceptWord('INDEX');
    indexType = 'UNIQUE';
  } else if (constraintName === undefined && (p.acceptWord('INDEX') || p.acceptWord('KEY'))) indexType = 'INDEX';
  else if (constraintName === undefined && (p.isWord('FULLTEXT') || p.isWord('SPATIAL'))) {
    indexType = p.advance().upper as 'FULLTEXT' | 'SPATIAL';
    if (!p.acceptWord('KEY')) p.acceptWord('INDEX');
  } else throw p.error();
  // MySQL accepts (and ignores) a name after PRIMARY KEY: the primary key is always called PRIMARY.
  const written = p.isIdentAt(0) && !p.isWord('USING') && !p.isWord('TYPE') ? p.ident() : undefined;
  // Without its own name, a UNIQUE or INDEX takes the constraint's (MySQL: CONSTRAINT c UNIQUE (x) is index c).
  const name = indexType === 'PRIMARY' ? undefined : (written ?? constraintName);
  const options: Mutable<IndexOptions> = {};
  parseIndexOptions(p, options);
  const parts = parseIndexParts(p);
  parseIndexOptions(p, options);
  return {
    kind: 'IndexDef',
    indexType,
    ...(name !== undefined && { name }),
    ...(constraintName !== undefined && { constraintName }),
    parts,
    ...(Object.keys(options).length > 0 && { options }),
  };
}

function parseCheck(p: Parser): CheckConstraint {
  let constraintName: string | undefined;
  if (p.acceptWord('CONSTRAINT') && p.isIdentAt(0)) constraintName = p.ident();
  const check = parseCheckBody(p);
  return constraintName === undefined ? check : { ...check, constraintName };
}

function parseCheckBody(p: Parser): CheckConstraint {
  p.expectWord('CHECK');
  p.expectOp('(');
  const expr = parseExpr(p);
  p.expectOp(')');
  if (p.acceptWords('NOT', 'ENFORCED')) return { kind: 'CheckConstraint', expr, isEnforced: false };
  if (p.acceptWord('ENFORCED')) return { kind: 'CheckConstraint', expr, isEnforced: true };
  return { kind: 'CheckConstraint', expr };
}

/** `REFERENCES t (cols) [MATCH …] [ON DELETE …] [ON UPDATE …]` */
function parseReference(p: Parser): ForeignKeyReference {
  p.expectWord('REFERENCES');
  const table = parseTableName(p);
  const columns = p.isOp('(') ? parseIdentList(p) : [];
  const ref: Mutable<ForeignKeyReference> = { table, columns };
  if (p.acceptWord('MATCH')) ref.match = p.expectOneOf(['FULL', 'PARTIAL', 'SIMPLE'] as const);
  for (;;) {
    if (p.acceptWords('ON', 'DELETE')) ref.onDelete = parseReferentialAction(p);
    else if (p.acceptWords('ON', 'UPDATE')) ref.onUpdate = parseReferentialAction(p);
    else return ref;
  }
}

function parseReferentialAction(p: Parser): ReferentialAction {
  if (p.acceptWord('RESTRICT')) return 'RESTRICT';
  if (p.acceptWord('CASCADE')) return 'CASCADE';
  if (p.acceptWords('SET', 'NULL')) return 'SET NULL';
  if (p.acceptWords('SET', 'DEFAULT')) return 'SET DEFAULT';
  if (p.acceptWords('NO', 'ACTION')) return 'NO ACTION';
  throw p.error();
}

/** `(col [(len)] [ASC|DESC] | (expr) [ASC|DESC], …)` */
export function parseIndexParts(p: Parser): IndexPart[] {
  p.expectOp('(');
  const parts: IndexPart[] = [];
  do {
    let part: Mutable<IndexPart>;
    if (p.isOp('(')) {
      p.advance();
      part = { expr: parseExpr(p) };
      p.expectOp(')');
    } else {
      part = { column: p.ident() };
      if (p.acceptOp('(')) {
        part.length = p.integer();
        p.expectOp(')');
      }
    }
    const direction = p.acceptOneOf(['ASC', 'DESC'] as const);
    if (direction !== undefined) part.direction = direction;
    parts.push(part);
  } while (p.acceptOp(','));
  p.expectOp(')');
  return parts;
}

/** USING BTREE|HASH, KEY_BLOCK_SIZE, COMMENT, VISIBLE/INVISIBLE, WITH PARSER, in any order. */
export function parseIndexOptions(p: Parser, options: Mutable<IndexOptions>): void {
  for (;;) {
    if (p.acceptWord('USING') || p.acceptWord('TYPE')) options.using = p.expectOneOf(['BTREE', 'HASH'] as const);
    else if (p.acceptWord('KEY_BLOCK_SIZE')) {
      p.acceptOp('=');
      options.keyBlockSize = p.integer();
    } else if (p.acceptWord('COMMENT')) options.comment = p.string();
    else if (p.isWord('VISIBLE') || p.isWord('INVISIBLE'))
      options.visibility = p.advance().upper as 'VISIBLE' | 'INVISIBLE';
    else if (p.acceptWords('WITH', 'PARSER')) options.parser = p.ident();
    else return;
  }
}

/** Options whose value is a quoted string. */
export const STRING_TABLE_OPTIONS: ReadonlySet<string> = new Set([
  'COMMENT',
  'CONNECTION',
  'DATA DIRECTORY',
  'INDEX DIRECTORY',
  'PASSWORD',
  'COMPRESSION',
  'ENCRYPTION',
  'ENGINE_ATTRIBUTE',
  'SECONDARY_ENGINE_ATTRIBUTE',
]);

const NAMED_TABLE_OPTIONS: ReadonlySet<string> = new Set([
  'ENGINE',
  'AUTO_INCREMENT',
  'AVG_ROW_LENGTH',
  'CHECKSUM',
  'COMMENT',
  'COMPRESSION',
  'CONNECTION',
  'DELAY_KEY_WRITE',
  'ENCRYPTION',
  'INSERT_METHOD',
  'KEY_BLOCK_SIZE',
  'MAX_ROWS',
  'MIN_ROWS',
  'PACK_KEYS',
  'PASSWORD',
  'ROW_FORMAT',
  'STATS_AUTO_RECALC',
  'STATS_PERSISTENT',
  'STATS_SAMPLE_PAGES',
  'TABLESPACE',
  'ENGINE_ATTRIBUTE',
  'SECONDARY_ENGINE_ATTRIBUTE',
  'AUTOEXTEND_SIZE',
  'TABLE_CHECKSUM',
]);

/**
 * Table options, space- or comma-separated. Returns undefined (consuming nothing) when the current token does not
 * start one. CHARACTER SET / CHARSET become `CHARSET`, lower-cased like COLLATE.
 */
export function parseTableOption(p: Parser): TableOption | undefined {
  const start = p.tok;
  if (p.isWord('DEFAULT') && (p.isWordAt(1, 'CHARSET') || p.isWordAt(1, 'CHARACTER') || p.isWordAt(1, 'COLLATE')))
    p.advance();
  if (p.acceptWords('CHARACTER', 'SET') || p.acceptWord('CHARSET')) {
    p.acceptOp('=');
    return { name: 'CHARSET', value: p.isWord('DEFAULT') ? p.advance().upper : p.charsetName() };
  }
  if (p.acceptWord('COLLATE')) {
    p.acceptOp('=');
    return { name: 'COLLATE', value: p.isWord('DEFAULT') ? p.advance().upper : p.charsetName() };
  }
  if (p.isWord('DATA') || p.isWord('INDEX')) {
    if (!p.isWordAt(1, 'DIRECTORY')) return undefined;
    const name = p.advance().upper + ' DIRECTORY';
    p.advance();
    p.acceptOp('=');
    return { name, value: p.string() };
  }
  if (p.isWord('UNION') && (p.isOpAt(1, '(') || p.isOpAt(1, '='))) {
    p.advance();
    p.acceptOp('=');
    p.expectOp('(');
    const names: string[] = [];
    do names.push(p.ident());
    while (p.acceptOp(','));
    p.expectOp(')');
    return { name: 'UNION', value: names.join(',') };
  }
  if (start.type !== TokenType.Ident || !NAMED_TABLE_OPTIONS.has(start.upper)) return undefined;
  const name = p.advance().upper;
  p.acceptOp('=');
  if (STRING_TABLE_OPTIONS.has(name)) return { name, value: p.string() };
  const t = p.tok;
  if (
    t.type === TokenType.Int ||
    t.type === TokenType.String ||
    t.type === TokenType.Ident ||
    t.type === TokenType.QuotedIdent
  ) {
    p.advance();
    return { name, value: t.value };
  }
  throw p.error();
}

/** All table options up to something else. */
export function parseTableOptions(p: Parser): TableOption[] {
  const options: TableOption[] = [];
  let afterComma = false;
  for (;;) {
    const o = parseTableOption(p);
    if (o === undefined) {
      // A comma between options is allowed, but another option must follow it.
      if (afterComma) throw p.error();
      return options;
    }
    options.push(o);
    afterComma = p.acceptOp(',');
  }
}
