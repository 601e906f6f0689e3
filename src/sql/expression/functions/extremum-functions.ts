// GREATEST, LEAST and INTERVAL with MySQL's comparison rules: the argument types decide whether values compare as
// strings, temporals, integers, decimals or doubles. https://dev.mysql.com/doc/refman/8.0/en/comparison-operators.html
import { TypeKind, compareValues, isIntegerType, isStringType, isTemporalType, toDecimal, toDouble, toText } from '../../types/index.js';
import type { CollationName, FieldType, SqlValue, WarningSink } from '../../types/index.js';
import { unifyTypes } from '../type-inference.js';
import { aggregateDerivations } from '../collation-derivation.js';
import { BIGINT_TYPE, DOUBLE_TYPE, UNSIGNED_BIGINT_TYPE, decimalType, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { strictCall } from './fold-call.js';

type CompareClass = 'string' | 'temporal' | 'integer' | 'decimal' | 'double';

function compareClass(types: readonly FieldType[]): CompareClass {
  const concrete = types.filter((type) => type.kind !== TypeKind.Null);
  if (concrete.length > 0 && concrete.every(isTemporalType)) return 'temporal';
  if (concrete.some((type) => isStringType(type) || isTemporalType(type))) return 'string';
  if (concrete.every(isIntegerType)) return 'integer';
  if (concrete.some((type) => type.kind === TypeKind.Float || type.kind === TypeKind.Double)) return 'double';
  return 'decimal';
}

function resultType(kind: CompareClass, types: readonly FieldType[]): FieldType {
  switch (kind) {
    case 'string':
      return varcharType(Math.max(...types.map((type) => (type.length > 0 ? type.length : 20))));
    case 'temporal':
      return unifyTypes(types);
    case 'integer':
      return types.every((type) => type.kind === TypeKind.Null || type.isUnsigned) ? UNSIGNED_BIGINT_TYPE : BIGINT_TYPE;
    case 'double':
      return DOUBLE_TYPE;
    case 'decimal':
      return decimalType(65, Math.max(...types.map((type) => (type.kind === TypeKind.Decimal ? Math.max(type.decimals, 0) : 0))));
  }
}

function convert(kind: CompareClass, value: Exclude<SqlValue, null>, warnings: WarningSink): Exclude<SqlValue, null> {
  switch (kind) {
    case 'string':
      return toText(value) ?? '';
    case 'decimal':
      return toDecimal(value, warnings)!;
    case 'double':
      return toDouble(value, warnings)!;
    case 'integer':
    case 'temporal':
      return value;
  }
}

/** GREATEST (direction 1) or LEAST (direction -1): NULL when any argument is NULL. */
export function extremumFunction(direction: 1 | -1): BuiltinFunction {
  return {
    minArgs: 2,
    maxArgs: Infinity,
    compile: (args, { session }) => {
      const types = args.map((arg) => arg.type);
      const kind = compareClass(types);
      const collation: CollationName = aggregateDerivations(types, direction > 0 ? 'greatest' : 'least', types[0]!.collation, true).collation;
      const warnings = session.warnings;
      return strictCall(args, resultType(kind, types), (values) => {
        let best = convert(kind, values[0]!, warnings);
        for (const value of values.slice(1)) {
          const candidate = convert(kind, value, warnings);
          if (compareValues(candidate, best, collation, warnings) * direction > 0) best = candidate;
        }
        return best;
      });
    },
  };
}

/**
 * INTERVAL(N, N1, N2, …): 0 if N < N1, 1 if N < N2 and so on (the Ni are meant to be ascending); -1 when N is NULL.
 * The values compare as numbers.
 */
export const intervalFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: Infinity,
  compile: (args, { session }) => {
    const types = args.map((arg) => arg.type);
    const byType = compareClass(types);
    const kind: CompareClass = byType === 'integer' || byType === 'decimal' ? byType : 'double';
    const warnings = session.warnings;
    const numberOf = (value: Exclude<SqlValue, null>): Exclude<SqlValue, null> => convert(kind, value, warnings);
    return { type: BIGINT_TYPE, isNullable: false, evaluate: (row) => {
      const value = args[0]!.evaluate(row);
      if (value === null) return -1n;
      const n = numberOf(value);
      let index = 0n;
      for (const bound of args.slice(1)) {
        const limit = bound.evaluate(row);
        if (limit !== null && compareValues(n, numberOf(limit), 'binary', warnings) < 0) break;
        index++;
      }
      return index;
    } };
  },
};
