// Information functions: DATABASE(), USER(), CURRENT_USER(), CONNECTION_ID(), VERSION(), LAST_INSERT_ID().
import { toInteger } from '../../types/index.js';
import { constantExpr } from '../compiled-expr.js';
import { BIGINT_TYPE, UNSIGNED_BIGINT_TYPE, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';

const USER_NAME_LENGTH = 288;

export const informationFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['DATABASE', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.currentDatabase ?? null, varcharType(64)) }],
  ['SCHEMA', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.currentDatabase ?? null, varcharType(64)) }],
  ['USER', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.user, varcharType(USER_NAME_LENGTH)) }],
  ['SESSION_USER', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.user, varcharType(USER_NAME_LENGTH)) }],
  ['SYSTEM_USER', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.user, varcharType(USER_NAME_LENGTH)) }],
  ['CURRENT_USER', { minArgs: 0, maxArgs: 0, compile: (_args, { session }) => constantExpr(session.currentUser, varcharType(USER_NAME_LENGTH)) }],
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
]);
