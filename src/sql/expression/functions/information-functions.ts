// Information functions: DATABASE(), USER(), CURRENT_USER(), CONNECTION_ID(), VERSION(), LAST_INSERT_ID(),
// ROW_COUNT(), FOUND_ROWS(), BENCHMARK(), ICU_VERSION().
// https://dev.mysql.com/doc/refman/8.0/en/information-functions.html
import { formatAuthId } from '../../accounts/role-graph.js';
import { mysqlError, ER_WRONG_VALUE_FOR_TYPE } from '../../../errors/index.js';
import { toInteger } from '../../types/index.js';
import { constantExpr } from '../compiled-expr.js';
import { BIGINT_TYPE, UNSIGNED_BIGINT_TYPE, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';

const USER_NAME_LENGTH = 288;
const NAME_LENGTH = 64;

/**
 * BENCHMARK(count, expr): evaluates expr count times and returns 0; NULL for a NULL count, and with warning 1411 for a
 * negative one.
 */
const benchmarkFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: ([countArg, expr], { session }) => ({
    type: BIGINT_TYPE,
    isNullable: true,
    evaluate: (row) => {
      const countValue = countArg!.evaluate(row);
      if (countValue === null) return null;
      const count = toInteger(countValue, session.warnings)!;
      if (count < 0n) {
        session.warnings.warn(mysqlError(ER_WRONG_VALUE_FOR_TYPE, 'count', count.toString(), 'benchmark'));
        return null;
      }
      for (let i = 0n; i < count; i++) expr!.evaluate(row);
      return 0n;
    },
  }),
};

/** CURRENT_ROLE()'s declared length, as MySQL's (utf8 text of any number of roles). */
const CURRENT_ROLE_LENGTH = 4096;

/** The session's active roles as MySQL's CURRENT_ROLE() lists them: sorted, comma-separated, NONE when there are none. */
function currentRole(roles: readonly { readonly user: string; readonly host: string }[]): string {
  if (roles.length === 0) return 'NONE';
  return roles
    .map(formatAuthId)
    .sort()
    .join(',');
}

export const informationFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['DATABASE', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.currentDatabase ?? null, varcharType(NAME_LENGTH)) }],
  ['SCHEMA', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.currentDatabase ?? null, varcharType(NAME_LENGTH)) }],
  ['USER', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.user, varcharType(USER_NAME_LENGTH)) }],
  ['SESSION_USER', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.user, varcharType(USER_NAME_LENGTH)) }],
  ['SYSTEM_USER', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.user, varcharType(USER_NAME_LENGTH)) }],
  ['CURRENT_USER', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.currentUser, varcharType(USER_NAME_LENGTH)) }],
  ['CURRENT_ROLE', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(currentRole(session.privilegeAccount?.activeRoles ?? []), varcharType(CURRENT_ROLE_LENGTH)) }],
  ['CONNECTION_ID', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(BigInt(session.connectionId), UNSIGNED_BIGINT_TYPE) }],
  ['VERSION', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => {
    const version = String(session.systemVariable('version', 'default'));
    return constantExpr(version, varcharType(version.length));
  } }],
  ['LAST_INSERT_ID', { minArgs: 0, maxArgs: 1, compile: ([arg], { session }) => {
    if (!arg) return { type: UNSIGNED_BIGINT_TYPE, isNullable: false, evaluate: () => session.lastInsertId };
    // LAST_INSERT_ID(expr) returns expr and remembers it for the next LAST_INSERT_ID().
    return { type: BIGINT_TYPE, isNullable: true, evaluate: (row) => {
      const value = toInteger(arg.evaluate(row), session.warnings);
      if (value !== null) session.lastInsertId = value;
      return value;
    } };
  } }],
  ['ROW_COUNT', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.status?.lastRowCount ?? -1n, BIGINT_TYPE) }],
  ['FOUND_ROWS', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.status?.lastFoundRows ?? 0n, UNSIGNED_BIGINT_TYPE) }],
  ['BENCHMARK', benchmarkFunction],
  ['ICU_VERSION', { minArgs: 0, maxArgs: 0, compile: () => constantExpr(process.versions.icu ?? '', varcharType(NAME_LENGTH)) }],
]);
