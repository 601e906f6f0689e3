// SLEEP(seconds): waits without blocking the server (an asynchronous part awaited per batch), and wakes on KILL.
// https://dev.mysql.com/doc/refman/8.0/en/miscellaneous-functions.html#function_sleep
import { mysqlError, ER_NOT_SUPPORTED_YET, ER_WRONG_ARGUMENTS } from '../../../errors/index.js';
import { toDouble } from '../../types/index.js';
import type { Row, SqlValue } from '../../types/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import type { AsyncPart, CompileContext } from '../compile-context.js';
import { BIGINT_TYPE } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';

/** Each row's SLEEP() result, computed by `prepare` (which does the waiting) and read by `evaluate`. */
class SleepPart implements AsyncPart {
  private readonly results = new WeakMap<Row, SqlValue>();

  constructor(
    private readonly seconds: CompiledExpr,
    private readonly context: CompileContext,
    /** The query reads no table: an interrupted SLEEP is then its whole answer (1), not an error. */
    private readonly isWholeQuery: boolean,
  ) {}

  async prepare(rows: readonly Row[]): Promise<void> {
    const session = this.context.session;
    for (const row of rows) {
      const seconds = toDouble(this.seconds.evaluate(row), session.warnings);
      if (seconds === null || seconds < 0) {
        // MySQL 8.0.34+: a NULL or negative duration is an error in strict mode, a warning otherwise.
        if (session.isStrictMode) throw mysqlError(ER_WRONG_ARGUMENTS, 'sleep');
        session.warnings.warn(mysqlError(ER_WRONG_ARGUMENTS, 'sleep'));
        this.results.set(row, 0n);
        continue;
      }
      const isInterrupted = await sleep(seconds * 1000, session.interruptSignal);
      this.results.set(row, isInterrupted ? 1n : 0n);
      if (isInterrupted && this.isWholeQuery) session.acknowledgeInterrupt?.();
    }
  }

  get(row: Row): SqlValue {
    const result = this.results.get(row);
    if (result === undefined) throw mysqlError(ER_NOT_SUPPORTED_YET, 'SLEEP() in this clause');
    return result;
  }
}

/** Resolves after `ms`, or at once when `signal` is (or becomes) aborted; true when it was cut short. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(false);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const sleepFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: ([seconds], context) => {
    if (!context.asyncParts) throw mysqlError(ER_NOT_SUPPORTED_YET, 'SLEEP() in this clause');
    const part = new SleepPart(seconds!, context, context.scope.columns.length === 0);
    context.asyncParts.push(part);
    return { type: BIGINT_TYPE, isNullable: false, evaluate: (row) => part.get(row) };
  },
};
