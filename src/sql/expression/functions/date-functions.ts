// Date and time functions: NOW() and its synonyms, CURDATE(), in the session's time zone.
import { currentDateTime } from '../../timezone/session-time-zone.js';
import { constantExpr } from '../compiled-expr.js';
import { DATE_TYPE, DATETIME_TYPE } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';

/**
 * NOW() is fixed for the whole statement, as in MySQL, and a wall-clock time of the session's time_zone; the fsp
 * argument picks the fraction digits.
 */
const nowFunction: BuiltinFunction = {
  minArgs: 0,
  maxArgs: 1,
  compile: ([fspArg], { session }) => {
    const fsp = fspArg?.constantValue === undefined || fspArg.constantValue === null ? 0 : Number(fspArg.constantValue);
    return constantExpr(currentDateTime(session, Math.min(Math.max(fsp, 0), 6)), { ...DATETIME_TYPE, decimals: fsp, length: fsp > 0 ? 20 + fsp : 19 });
  },
};
const curdateFunction: BuiltinFunction = {
  minArgs: 0,
  maxArgs: 0,
  compile: (_args, { session }) => constantExpr(currentDateTime(session, 0).withKind('date'), DATE_TYPE),
};

export const dateFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['NOW', nowFunction],
  ['CURRENT_TIMESTAMP', nowFunction],
  ['LOCALTIME', nowFunction],
  ['LOCALTIMESTAMP', nowFunction],
  ['SYSDATE', nowFunction],
  ['CURDATE', curdateFunction],
  ['CURRENT_DATE', curdateFunction],
]);
