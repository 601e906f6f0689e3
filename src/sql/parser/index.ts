// The SQL parser's public surface: parse text into AST statements, print AST nodes back to canonical SQL.
import type { Statement } from '../ast/index.js';
import { parseStatements } from './parse-statement.js';
import type { ParseOptions } from './parser.js';

export type * from '../ast/index.js';
export { formatSql } from './format-sql.js';
export { formatStoredExpr } from './format-stored-expr.js';
export { formatIdent, formatString } from './format-ident.js';
export { parseStatements, parseSingleStatement } from './parse-statement.js';
export type { ParseResult } from './parse-statement.js';
export type { ParseOptions } from './parser.js';
export { isReservedWord } from './keywords.js';
export { digestStatements, digestOf, normalizeSql } from './sql-digest.js';
export type { StatementDigest } from './sql-digest.js';

/**
 * Parses SQL text holding one or more `;`-separated statements. Throws the MySqlError (ER_PARSE_ERROR 1064 with
 * MySQL's message, or ER_EMPTY_QUERY 1065) for the first problem; never throws anything else.
 */
export function parseSql(sql: string, options?: ParseOptions): Statement[] {
  const result = parseStatements(sql, options);
  if (result.error !== undefined) throw result.error;
  return result.statements;
}
export { parameterizeStatement } from './parameterize-statement.js';
export type { ParameterizedStatement, StatementLiteral } from './parameterize-statement.js';
