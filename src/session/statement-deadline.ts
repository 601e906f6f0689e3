// max_execution_time and the MAX_EXECUTION_TIME(n) optimizer hint: how long a SELECT may run before it is
// interrupted with 3024, and the event-loop turns a streaming statement takes so that the timer (and KILL) can fire.
// https://dev.mysql.com/doc/refman/8.0/en/server-system-variables.html#sysvar_max_execution_time
import { setImmediate as nextTurn } from 'node:timers/promises';
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

/** Longest stretch of row production, in milliseconds, before the event loop gets a turn. */
const MAX_BUSY_MS = 20;

let lastTurn = performance.now();

/**
 * Resolves at once, or after an event-loop turn when rows have been produced for over MAX_BUSY_MS without one. A
 * stream of batches whose writes all complete synchronously is a chain of microtasks, which starves timers
 * (max_execution_time) and every other socket (KILL QUERY, other clients) until it ends.
 */
export async function takeTurnWhenBusy(): Promise<void> {
  const now = performance.now();
  if (now - lastTurn < MAX_BUSY_MS) return;
  await nextTurn();
  lastTurn = performance.now();
}
