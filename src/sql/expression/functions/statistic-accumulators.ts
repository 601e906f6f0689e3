// Accumulators for the statistical and bitwise aggregates: STD/STDDEV/STDDEV_POP, STDDEV_SAMP, VARIANCE/VAR_POP,
// VAR_SAMP, BIT_AND, BIT_OR, BIT_XOR, with MySQL 8.0's result types.
// https://dev.mysql.com/doc/refman/8.0/en/aggregate-functions.html
import { DOUBLE_TYPE, UNSIGNED_BIGINT_TYPE } from '../literal-types.js';
import { toDouble, toInteger } from '../../types/index.js';
import type { WarningSink } from '../../types/index.js';
import type { Accumulator, AggregateKind } from './aggregate-accumulators.js';

const UINT64_MAX = (1n << 64n) - 1n;

type Spread = 'population' | 'sample';

/**
 * Variance by Welford's running update (numerically stable, as MySQL's own recurrence): NULL for no rows, and for
 * fewer than two rows when the sample variance is asked for.
 */
function varianceAccumulator(spread: Spread, isRoot: boolean, warnings: WarningSink): Accumulator {
  let count = 0;
  let mean = 0;
  let squares = 0;
  return {
    add: ([value]) => {
      if (value === null || value === undefined) return;
      const x = toDouble(value, warnings) ?? 0;
      count++;
      const delta = x - mean;
      mean += delta / count;
      squares += delta * (x - mean);
    },
    result: () => {
      const divisor = spread === 'population' ? count : count - 1;
      if (count === 0 || divisor === 0) return null;
      const variance = squares / divisor;
      return isRoot ? Math.sqrt(variance) : variance;
    },
  };
}

/** BIT_AND/OR/XOR over the values as 64-bit unsigned integers; no rows give all ones (AND) or zero. */
function bitAccumulator(name: 'BIT_AND' | 'BIT_OR' | 'BIT_XOR', warnings: WarningSink): Accumulator {
  let bits = name === 'BIT_AND' ? UINT64_MAX : 0n;
  return {
    add: ([value]) => {
      if (value === null || value === undefined) return;
      const x = BigInt.asUintN(64, toInteger(value, warnings) ?? 0n);
      bits = name === 'BIT_AND' ? bits & x : name === 'BIT_OR' ? bits | x : bits ^ x;
    },
    result: () => bits,
  };
}

/** The accumulator factory for a statistical or bitwise aggregate (names as AGGREGATE_FUNCTION_NAMES lists them), or undefined. */
export function statisticAggregateKind(name: string, warnings: WarningSink): AggregateKind | undefined {
  switch (name) {
    case 'STD':
    case 'STDDEV':
    case 'STDDEV_POP':
      return { type: DOUBLE_TYPE, create: () => varianceAccumulator('population', true, warnings) };
    case 'STDDEV_SAMP':
      return { type: DOUBLE_TYPE, create: () => varianceAccumulator('sample', true, warnings) };
    case 'VARIANCE':
    case 'VAR_POP':
      return { type: DOUBLE_TYPE, create: () => varianceAccumulator('population', false, warnings) };
    case 'VAR_SAMP':
      return { type: DOUBLE_TYPE, create: () => varianceAccumulator('sample', false, warnings) };
    case 'BIT_AND':
    case 'BIT_OR':
    case 'BIT_XOR':
      return { type: UNSIGNED_BIGINT_TYPE, create: () => bitAccumulator(name, warnings) };
    default:
      return undefined;
  }
}
