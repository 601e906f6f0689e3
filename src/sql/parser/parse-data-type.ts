// Column data types of CREATE/ALTER TABLE, with MySQL's synonyms folded to canonical names.
import type { DataType, DataTypeName } from '../ast/index.js';
import { parseCharsetAttribute } from './parse-cast-type.js';
import type { Parser } from './parser.js';
import { TokenType } from './token.js';
import type { Mutable } from './mutable.js';

/** Written type words → canonical name and the family that decides which modifiers follow. */
const TYPE_WORDS: Readonly<Record<string, readonly [DataTypeName, Family]>> = {
  TINYINT: ['TINYINT', 'int'],
  INT1: ['TINYINT', 'int'],
  SMALLINT: ['SMALLINT', 'int'],
  INT2: ['SMALLINT', 'int'],
  MEDIUMINT: ['MEDIUMINT', 'int'],
  MIDDLEINT: ['MEDIUMINT', 'int'],
  INT3: ['MEDIUMINT', 'int'],
  INT: ['INT', 'int'],
  INTEGER: ['INT', 'int'],
  INT4: ['INT', 'int'],
  BIGINT: ['BIGINT', 'int'],
  INT8: ['BIGINT', 'int'],
  BOOL: ['BOOLEAN', 'plain'],
  BOOLEAN: ['BOOLEAN', 'plain'],
  DECIMAL: ['DECIMAL', 'fixed'],
  DEC: ['DECIMAL', 'fixed'],
  NUMERIC: ['DECIMAL', 'fixed'],
  FIXED: ['DECIMAL', 'fixed'],
  FLOAT: ['FLOAT', 'float'],
  FLOAT4: ['FLOAT', 'float'],
  DOUBLE: ['DOUBLE', 'float'],
  FLOAT8: ['DOUBLE', 'float'],
  REAL: ['DOUBLE', 'float'],
  CHAR: ['CHAR', 'char'],
  CHARACTER: ['CHAR', 'char'],
  NCHAR: ['CHAR', 'char'],
  VARCHAR: ['VARCHAR', 'char'],
  NVARCHAR: ['VARCHAR', 'char'],
  VARCHARACTER: ['VARCHAR', 'char'],
  BINARY: ['BINARY', 'len'],
  VARBINARY: ['VARBINARY', 'len'],
  TINYTEXT: ['TINYTEXT', 'text'],
  TEXT: ['TEXT', 'text'],
  MEDIUMTEXT: ['MEDIUMTEXT', 'text'],
  LONGTEXT: ['LONGTEXT', 'text'],
  TINYBLOB: ['TINYBLOB', 'plain'],
  BLOB: ['BLOB', 'len'],
  MEDIUMBLOB: ['MEDIUMBLOB', 'plain'],
  LONGBLOB: ['LONGBLOB', 'plain'],
  DATE: ['DATE', 'plain'],
  TIME: ['TIME', 'len'],
  DATETIME: ['DATETIME', 'len'],
  TIMESTAMP: ['TIMESTAMP', 'len'],
  YEAR: ['YEAR', 'len'],
  ENUM: ['ENUM', 'enum'],
  SET: ['SET', 'enum'],
  JSON: ['JSON', 'plain'],
  BIT: ['BIT', 'len'],
  GEOMETRY: ['GEOMETRY', 'plain'],
  POINT: ['POINT', 'plain'],
  LINESTRING: ['LINESTRING', 'plain'],
  POLYGON: ['POLYGON', 'plain'],
  MULTIPOINT: ['MULTIPOINT', 'plain'],
  MULTILINESTRING: ['MULTILINESTRING', 'plain'],
  MULTIPOLYGON: ['MULTIPOLYGON', 'plain'],
  GEOMETRYCOLLECTION: ['GEOMETRYCOLLECTION', 'plain'],
  GEOMCOLLECTION: ['GEOMETRYCOLLECTION', 'plain'],
};

type Family = 'int' | 'fixed' | 'float' | 'char' | 'text' | 'len' | 'enum' | 'plain';

/** True when the current token starts a data type (used to tell column definitions from constraints). */
export function isDataTypeStart(p: Parser): boolean {
  return (
    (p.tok.type === TokenType.Ident && Object.hasOwn(TYPE_WORDS, p.tok.upper)) ||
    p.isWord('NATIONAL') ||
    p.isWord('LONG') ||
    p.isWord('SERIAL')
  );
}

/** Parses a column type with its length/precision, UNSIGNED/ZEROFILL, charset and collation attributes. */
export function parseDataType(p: Parser): DataType {
  if (p.acceptWord('SERIAL')) return { name: 'BIGINT', isUnsigned: true };
  if (p.acceptWord('LONG')) {
    if (p.acceptWord('VARBINARY')) return { name: 'MEDIUMBLOB' };
    if (!p.acceptWord('VARCHAR')) p.acceptWord('VARCHARACTER');
    return textAttributes(p, { name: 'MEDIUMTEXT' });
  }
  let national = false;
  if (p.acceptWord('NATIONAL')) national = true;
  const word = p.tok.upper;
  const entry = p.tok.type === TokenType.Ident && Object.hasOwn(TYPE_WORDS, word) ? TYPE_WORDS[word] : undefined;
  if (entry === undefined) throw p.error();
  p.advance();
  const [name, family] = entry;
  const t: Mutable<DataType> = { name };
  if (word === 'NCHAR' || word === 'NVARCHAR' || national) t.charset = 'utf8mb3';
  if ((word === 'CHAR' || word === 'CHARACTER' || word === 'NCHAR') && p.acceptWord('VARYING')) t.name = 'VARCHAR';
  if (word === 'DOUBLE') p.acceptWord('PRECISION');
  switch (family) {
    case 'int':
      lengthIfAny(p, t);
      numericAttributes(p, t);
      break;
    case 'fixed':
    case 'float':
      if (p.acceptOp('(')) {
        t.length = p.integer();
        if (p.acceptOp(',')) t.scale = p.integer();
        else if (family === 'float' && name === 'DOUBLE') throw p.error();
        p.expectOp(')');
      }
      numericAttributes(p, t);
      break;
    case 'char':
      lengthIfAny(p, t);
      if (t.name === 'VARCHAR' && t.length === undefined) throw p.error();
      textAttributes(p, t);
      break;
    case 'text':
      lengthIfAny(p, t);
      textAttributes(p, t);
      break;
    case 'len':
      lengthIfAny(p, t);
      if (t.name === 'VARBINARY' && t.length === undefined) throw p.error();
      break;
    case 'enum': {
      p.expectOp('(');
      const values = [p.string()];
      while (p.acceptOp(',')) values.push(p.string());
      p.expectOp(')');
      t.values = values;
      textAttributes(p, t);
      break;
    }
    case 'plain':
      break;
  }
  return t;
}

function lengthIfAny(p: Parser, t: Mutable<DataType>): void {
  if (!p.acceptOp('(')) return;
  t.length = p.integer();
  p.expectOp(')');
}

function numericAttributes(p: Parser, t: Mutable<DataType>): void {
  for (;;) {
    if (p.acceptWord('UNSIGNED')) t.isUnsigned = true;
    else if (p.acceptWord('SIGNED')) continue;
    else if (p.acceptWord('ZEROFILL')) {
      t.isZerofill = true;
      t.isUnsigned = true;
    } else return;
  }
}

/** `[BINARY] [CHARACTER SET x] [COLLATE y]` in any order. */
function textAttributes(p: Parser, t: Mutable<DataType>): DataType {
  for (;;) {
    if (p.isWord('BINARY')) {
      p.advance();
      t.isBinary = true;
      continue;
    }
    const charset = parseCharsetAttribute(p);
    if (charset !== undefined) {
      t.charset = charset;
      continue;
    }
    if (p.isWord('COLLATE')) {
      p.advance();
      t.collate = p.charsetName();
      continue;
    }
    return t;
  }
}
