// Accumulators for COUNT, SUM, AVG, MIN, MAX, GROUP_CONCAT and the JSON aggregates, with MySQL's result types (the
// statistical and bitwise aggregates are in statistic-accumulators.ts).
import { Decimal } from 'decimal.js';
import { mysqlError, ER_INVALID_GROUP_FUNC_USE, ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT } from '../../../errors/index.js';
import { jsonArrayAccumulator, jsonObjectAccumulator } from './json-accumulators.js';
import { BIGINT_TYPE, DOUBLE_TYPE, JSON_TYPE, decimalType, varcharType } from '../literal-types.js';
import { distinctKey } from '../row-key.js';
import { TypeKind, compareValues, isFloatType, isStringType, toDecimal, toDouble, toText } from '../../types/index.js';
import type { FieldType, SqlValue, WarningSink } from '../../types/index.js';
import { statisticAggregateKind } from './statistic-accumulators.js';

/** Folds the values of one group into one result. */
export interface Accumulator {
  /** Adds one row's argument values (several for COUNT(DISTINCT a, b) and GROUP_CONCAT). */
  add(values: readonly SqlValue[]): void;
  result(): SqlValue;
}

/** How to make accumulators for one aggregate call, and its result type. */
export interface AggregateKind {
  readonly type: FieldType;
  create(): Accumulator;
}

interface AggregateOptions {
  readonly isStar: boolean;
  readonly isDistinct: boolean;
  readonly separator: string;
  readonly divPrecision: number;
  readonly groupConcatMaxLength: number;
  readonly warnings: WarningSink;
}

/** The accumulator factory for aggregate `name` over arguments of `argTypes`. */
export function aggregateKind(name: string, argTypes: readonly FieldType[], options: AggregateOptions): AggregateKind {
  const argType = argTypes[0] ?? BIGINT_TYPE;
  const distinct = (create: () => Accumulator): (() => Accumulator) =>
    options.isDistinct ? () => distinctAccumulator(create(), argTypes, options.warnings) : create;
  switch (name) {
    case 'COUNT':
      return { type: BIGINT_TYPE, create: distinct(() => countAccumulator(options.isStar)) };
    case 'SUM': {
      const type = isFloatType(argType) || isStringType(argType) ? DOUBLE_TYPE : decimalType(65, argType.kind === TypeKind.Decimal ? Math.max(argType.decimals, 0) : 0);
      return { type, create: distinct(() => sumAccumulator(type, options.warnings)) };
    }
    case 'AVG': {
      const scale = argType.kind === TypeKind.Decimal ? Math.max(argType.decimals, 0) : 0;
      const type = isFloatType(argType) || isStringType(argType) ? DOUBLE_TYPE : decimalType(65, Math.min(scale + options.divPrecision, 30));
      return { type, create: distinct(() => avgAccumulator(type, options.warnings)) };
    }
    case 'MIN':
    case 'MAX': {
      const sign = name === 'MIN' ? -1 : 1;
      return { type: argType, create: () => extremeAccumulator(sign, argType, options.warnings) };
    }
    case 'GROUP_CONCAT':
      return {
        type: varcharType(options.groupConcatMaxLength),
        create: distinct(() => groupConcatAccumulator(options.separator, options.groupConcatMaxLength)),
      };
    case 'JSON_ARRAYAGG':
    case 'JSON_OBJECTAGG': {
      const isArray = name === 'JSON_ARRAYAGG';
      if (argTypes.length !== (isArray ? 1 : 2)) throw mysqlError(ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, name);
      return { type: JSON_TYPE, create: isArray ? () => jsonArrayAccumulator(argType) : () => jsonObjectAccumulator(argTypes[1]!) };
    }
    default: {
      const statistic = statisticAggregateKind(name, options.warnings);
      if (!statistic) throw mysqlError(ER_INVALID_GROUP_FUNC_USE);
      return options.isDistinct ? { type: statistic.type, create: distinct(() => statistic.create()) } : statistic;
    }
  }
}

function countAccumulator(isStar: boolean): Accumulator {
  let count = 0n;
  return {
    add: (values) => {
      if (isStar || values.every((value) => value !== null)) count++;
    },
    result: () => count,
  };
}

function sumAccumulator(type: FieldType, warnings: WarningSink): Accumulator {
  const isDouble = type.kind === TypeKind.Double;
  let doubleSum = 0;
  let exactSum: Decimal | undefined;
  let integerSum = 0n;
  let hasIntegerOnly = true;
  let seen = false;
  return {
    add: ([value]) => {
      if (value === null || value === undefined) return;
      seen = true;
      if (isDouble) {
        doubleSum += toDouble(value, warnings) ?? 0;
      } else if (typeof value === 'bigint' && hasIntegerOnly) {
        integerSum += value;
      } else {
        hasIntegerOnly = false;
        exactSum = (exactSum ?? new Decimal(0)).plus(toDecimal(value, warnings) ?? 0);
      }
    },
    result: () => {
      if (!seen) return null;
      if (isDouble) return doubleSum;
      const exact = new Decimal(integerSum.toString()).plus(exactSum ?? 0);
      return exact.toDecimalPlaces(Math.max(type.decimals, 0), Decimal.ROUND_HALF_UP);
    },
  };
}

function avgAccumulator(type: FieldType, warnings: WarningSink): Accumulator {
  const sum = sumAccumulator(type.kind === TypeKind.Double ? DOUBLE_TYPE : decimalType(65, 30), warnings);
  let count = 0;
  return {
    add: (values) => {
      if (values[0] === null || values[0] === undefined) return;
      count++;
      sum.add(values);
    },
    result: () => {
      const total = sum.result();
      if (total === null || count === 0) return null;
      if (typeof total === 'number') return total / count;
      return (total as Decimal).dividedBy(count).toDecimalPlaces(Math.max(type.decimals, 0), Decimal.ROUND_HALF_UP);
    },
  };
}

function extremeAccumulator(sign: number, type: FieldType, warnings: WarningSink): Accumulator {
  let best: SqlValue = null;
  return {
    add: ([value]) => {
      if (value === null || value === undefined) return;
      if (best === null || sign * compareValues(value, best, type.collation, warnings) > 0) best = value;
    },
    result: () => best,
  };
}

function groupConcatAccumulator(separator: string, maxLength: number): Accumulator {
  const parts: string[] = [];
  return {
    add: (values) => {
      if (values.some((value) => value === null)) return;
      parts.push(values.map((value) => toText(value) ?? '').join(''));
    },
    result: () => (parts.length === 0 ? null : parts.join(separator).slice(0, maxLength)),
  };
}

/** Feeds each distinct argument tuple once, comparing as MySQL's DISTINCT does (by value, per collation). */
function distinctAccumulator(inner: Accumulator, argTypes: readonly FieldType[], _warnings: WarningSink): Accumulator {
  const seen = new Set<string>();
  return {
    add: (values) => {
      const key = distinctKey(values, argTypes);
      if (seen.has(key)) return;
      seen.add(key);
      inner.add(values);
    },
    result: () => inner.result(),
  };
}
