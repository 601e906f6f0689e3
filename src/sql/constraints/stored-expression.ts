// parseStoredExpr / storedExpressionSession: the expression of a generated column or CHECK constraint from the text
// the catalog keeps, and the session it is compiled under.
import type { Expr } from '../ast/index.js';
import { SERVER_DEFAULT_CHARSET, SERVER_DEFAULT_COLLATION } from '../collation/index.js';
import type { ExecutionContext, VariableScope } from '../execution-context.js';
import { parseSql } from '../parser/index.js';
import type { SqlValue } from '../types/index.js';

/** Parsed expressions by their text: a table's expressions are parsed once, not once per statement. */
const parsed = new Map<string, Expr>();
const MAX_CACHED = 4096;

/** The expression `text` (as formatStoredExpr printed it) parses to. */
export function parseStoredExpr(text: string): Expr {
  const cached = parsed.get(text);
  if (cached) return cached;
  const [statement] = parseSql(`SELECT ${text}`);
  if (statement?.kind !== 'SelectStmt' || statement.items[0]?.kind !== 'SelectExprItem') throw new Error(`not an expression: ${text}`);
  const expr = statement.items[0].expr;
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(text, expr);
  return expr;
}

/** The connection character set and collation stored expressions are compiled under: the server's defaults. */
const FIXED_VARIABLES: ReadonlyMap<string, SqlValue> = new Map([
  ['collation_connection', SERVER_DEFAULT_COLLATION],
  ['character_set_connection', SERVER_DEFAULT_CHARSET],
]);

/**
 * The session as a generated column's or CHECK constraint's expression sees it: the same, except that its connection
 * character set and collation are the server's defaults, so the expression's strings (all written with an
 * introducer) and its functions' results compare alike whatever client writes the row, as MySQL fixes the
 * expression when the table is opened, not per connection.
 */
export function storedExpressionSession(session: ExecutionContext): ExecutionContext {
  return new Proxy(session, {
    get(target, property) {
      if (property === 'systemVariable') {
        return (name: string, scope: VariableScope): SqlValue => FIXED_VARIABLES.get(name.toLowerCase()) ?? target.systemVariable(name, scope);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
