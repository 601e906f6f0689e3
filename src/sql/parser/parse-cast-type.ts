// The target type of CAST(x AS type) / CONVERT(x, type).
import type { CastType, CastTypeName } from '../ast/index.js';
import type { Parser } from './parser.js';

/** `(n)` if present. */
export function parseOptionalLength(p: Parser): number | undefined {
  if (!p.acceptOp('(')) return undefined;
  const n = p.integer();
  p.expectOp(')');
  return n;
}

/** `CHARACTER SET x` / `CHARSET x` / `ASCII` / `UNICODE` after a character type; undefined when absent. */
export function parseCharsetAttribute(p: Parser): string | undefined {
  if (p.acceptWords('CHARACTER', 'SET') || p.acceptWord('CHARSET')) return p.charsetName();
  if (p.acceptWord('ASCII')) return 'latin1';
  if (p.acceptWord('UNICODE')) return 'ucs2';
  return undefined;
}

/** Parses a CAST target; throws ER_PARSE_ERROR for anything MySQL 8.0 does not accept there. */
export function parseCastType(p: Parser): CastType {
  const word = p.expectOneOf([
    'BINARY',
    'CHAR',
    'CHARACTER',
    'NCHAR',
    'DATE',
    'DATETIME',
    'TIME',
    'YEAR',
    'JSON',
    'REAL',
    'DOUBLE',
    'FLOAT',
    'DECIMAL',
    'DEC',
    'SIGNED',
    'UNSIGNED',
  ] as const);
  let type: { name: CastTypeName; length?: number; scale?: number; charset?: string; isArray?: boolean };
  switch (word) {
    case 'CHAR':
    case 'CHARACTER':
    case 'NCHAR': {
      type = { name: 'CHAR' };
      const length = parseOptionalLength(p);
      if (length !== undefined) type.length = length;
      const charset = word === 'NCHAR' ? 'utf8mb3' : parseCharsetAttribute(p);
      if (charset !== undefined) type.charset = charset;
      break;
    }
    case 'BINARY':
    case 'DATETIME':
    case 'TIME':
    case 'FLOAT': {
      type = { name: word };
      const length = parseOptionalLength(p);
      if (length !== undefined) type.length = length;
      break;
    }
    case 'DECIMAL':
    case 'DEC':
      type = { name: 'DECIMAL' };
      if (p.acceptOp('(')) {
        type.length = p.integer();
        if (p.acceptOp(',')) type.scale = p.integer();
        p.expectOp(')');
      }
      break;
    case 'SIGNED':
    case 'UNSIGNED':
      if (!p.acceptWord('INTEGER')) p.acceptWord('INT');
      type = { name: word };
      break;
    case 'DOUBLE':
      p.acceptWord('PRECISION');
      type = { name: 'DOUBLE' };
      break;
    default:
      type = { name: word };
      break;
  }
  if (p.acceptWord('ARRAY')) type.isArray = true;
  return type;
}
