// `expr COLLATE name`, CONVERT(… USING charset) and the collations of literals: the connection's (or an introducer's).
import { mysqlError, ER_COLLATION_CHARSET_MISMATCH, ER_UNKNOWN_CHARACTER_SET, ER_UNKNOWN_COLLATION } from '../../errors/index.js';
import { SERVER_DEFAULT_COLLATION, collationInfo, defaultCollationOf, findCharset, findCollation } from '../collation/index.js';
import { isStringType, isTextType } from '../types/index.js';
import type { CollationName } from '../types/index.js';
import type { CompileContext } from './compile-context.js';
import type { CompiledExpr } from './compiled-expr.js';

/** `@@collation_connection`: literals and parameters take it (MySQL's rule); internal statements have none set. */
export function connectionCollation(context: CompileContext): CollationName {
  const value = context.session.systemVariable('collation_connection', 'session');
  const found = typeof value === 'string' ? findCollation(value) : undefined;
  return found?.name ?? (value === null ? 'utf8mb4_bin' : SERVER_DEFAULT_COLLATION);
}

/** A string literal's collation: its introducer's character set's default (`_latin1'x'`), else the connection's. */
export function literalCollation(introducer: string | undefined, context: CompileContext): CollationName {
  const charset = introducer === undefined ? undefined : findCharset(introducer);
  return charset === undefined ? connectionCollation(context) : defaultCollationOf(charset.name);
}

/**
 * `CONVERT(operand USING charset)`: text of that character set's default collation, coercibility IMPLICIT (1115 for
 * an unknown one). The value itself is unchanged: every character set's text is held as a JavaScript string.
 */
export function compileConvertUsing(operand: CompiledExpr, charsetName: string): CompiledExpr {
  const charset = findCharset(charsetName);
  if (!charset) throw mysqlError(ER_UNKNOWN_CHARACTER_SET, charsetName);
  if (charset.name === 'binary' || !isTextType(operand.type)) return operand;
  const { columnIndex: _columnIndex, ...expression } = operand;
  return { ...expression, type: { ...operand.type, collation: charset.defaultCollation, coercibility: 'implicit' } };
}

/**
 * `operand COLLATE name`: an explicit collation (coercibility 0). An unknown name is 1273; a collation of another
 * character set than the operand's is 1253, as in MySQL (numbers are text of the connection's character set).
 */
export function compileCollate(operand: CompiledExpr, name: string, context: CompileContext): CompiledExpr {
  const collation = findCollation(name);
  if (!collation) throw mysqlError(ER_UNKNOWN_COLLATION, name);
  const operandCollation = isStringType(operand.type) ? operand.type.collation : connectionCollation(context);
  const charset = collationInfo(operandCollation).charset;
  if (collation.charset !== charset) throw mysqlError(ER_COLLATION_CHARSET_MISMATCH, collation.name, charset);
  // No longer a plain column reference: its result column is an expression of the new collation.
  const { columnIndex: _columnIndex, ...expression } = operand;
  return { ...expression, type: { ...operand.type, collation: collation.name, coercibility: 'explicit' } };
}
