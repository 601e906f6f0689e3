// runWithTimeLimit: runs a synchronous task (one RegExp match) under a wall-clock limit. V8 interrupts even a
// backtracking RegExp when a vm script's timeout fires, so a catastrophic pattern ends with MySQL's 3699 instead of
// freezing the server's only thread.
import vm from 'node:vm';
import { mysqlError, ER_REGEXP_TIME_OUT } from '../../../../errors/index.js';

/** The vm context the guarded task runs from; the task itself is ordinary code of this realm. */
const context = vm.createContext({ task: undefined as (() => unknown) | undefined });
const script = new vm.Script('task()');

/** Runs `task`; past `milliseconds` it is stopped and ER_REGEXP_TIME_OUT (3699) is thrown. */
export function runWithTimeLimit<T>(task: () => T, milliseconds: number): T {
  context['task'] = task;
  try {
    return script.runInContext(context, { timeout: milliseconds }) as T;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw mysqlError(ER_REGEXP_TIME_OUT);
    throw error;
  } finally {
    context['task'] = undefined;
  }
}
