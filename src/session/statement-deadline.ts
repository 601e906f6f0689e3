// max_execution_time and the MAX_EXECUTION_TIME(n) optimizer hint: how long a SELECT may run before it is
// interrupted with 3024. https://dev.mysql.com/doc/refman/8.0/en/server-system-variables.html#sysvar_max_execution_time
import { mysqlError, ER_QUERY_TIMEOUT } from '../errors/index.js';
import type { MySqlError } from '../errors/index.js';
import type { Statement } from '../sql/index.js';

/** `SELECT /*+ … MAX_EXECUTION_TIME(n) … *\/`: the hint comment right after the (first) SELECT keyword. */
const HINT = /^[\s(]*SELECT\s*\/\*\+(?:[^*]|\*(?!\/))*?\bMAX_EXECUTION_TIME\s*\(\s*(\d+)\s*\)/i;

/**
 * The milliseconds `statement` may run: the hint's value, else `sessionLimitMs` (@@max_execution_time); 0 for no
 * limit. As in MySQL, only read-only SELECT statements are limited.
 */
export function executionTimeLimitMs(statement: Statement, sessionLimitMs: number): number {
  if (statement.kind !== 'SelectStmt' || statement.lock !== undefined) return 0;
  const hinted = HINT.exec(statement.text)?.[1];
  return hinted !== undefined ? Number(hinted) : sessionLimitMs;
}

/**
 * Clears the previous statement's timer and arms the limit of the statement about to run: after `limitMs`,
 * `interrupt` is called with 3024, which ends the statement at its next batch of rows or wait. Returns the new timer.
 */
export function armStatementDeadline(previous: NodeJS.Timeout | undefined, limitMs: number, interrupt: (reason: MySqlError) => void): NodeJS.Timeout | undefined {
  clearTimeout(previous);
  if (limitMs <= 0) return undefined;
  const timer = setTimeout(() => interrupt(mysqlError(ER_QUERY_TIMEOUT)), limitMs);
  timer.unref();
  return timer;
}
