// Subquery expressions (scalar, EXISTS, IN, ANY/ALL): results computed per batch by prepare(), read by evaluate().
import { mysqlError, ER_NOT_SUPPORTED_YET, ER_OPERAND_COLUMNS, ER_SUBQUERY_NO_1_ROW } from '../../errors/index.js';
import type { CompareOp, QueryExpr } from '../ast/index.js';
import { compareValues } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';
import { distinctKeyOfRow } from './row-key.js';
import type { CompiledExpr } from './compiled-expr.js';
import type { AsyncPart, CompileContext, OuterBinding, SubqueryResult } from './compile-context.js';
import { BOOL_RESULT_TYPE, varcharType } from './literal-types.js';
import { comparisonCollation, comparisonTest } from './type-inference.js';

/** A subquery's cached results by outer-row key; '' for an uncorrelated subquery. */
class SubqueryCache implements AsyncPart {
  private readonly results = new Map<string, SubqueryResult>();
  private isUncorrelated = false;
  readonly binding: OuterBinding;

  constructor(
    readonly query: QueryExpr,
    private readonly context: CompileContext,
  ) {
    this.binding = { scope: context.scope, current: [], wasRead: false, parent: context.outer };
  }

  private keyOf(row: Row): string {
    return this.isUncorrelated ? '' : distinctKeyOfRow(row);
  }

  async prepare(rows: readonly Row[]): Promise<void> {
    const run = this.context.runSubquery!;
    for (const row of rows) {
      const key = this.keyOf(row);
      if (this.results.has(key)) continue;
      this.binding.current = row;
      this.binding.wasRead = false;
      const result = await run(this.query, this.binding);
      // A subquery that never read the outer row answers the same for all rows: keep one result under ''.
      if (!this.binding.wasRead && this.results.size === 0) {
        this.isUncorrelated = true;
        this.results.set('', result);
        return;
      }
      this.results.set(key, result);
    }
  }

  get(row: Row): SubqueryResult {
    const result = this.results.get(this.keyOf(row));
    if (!result) throw mysqlError(ER_NOT_SUPPORTED_YET, 'subqueries in this clause');
    return result;
  }
}

function register(query: QueryExpr, context: CompileContext): SubqueryCache {
  if (!context.runSubquery || !context.asyncParts) throw mysqlError(ER_NOT_SUPPORTED_YET, 'subqueries in this clause');
  const cache = new SubqueryCache(query, context);
  context.asyncParts.push(cache);
  return cache;
}

/** `(SELECT …)` as a value: NULL for no row, 1242 for more than one, 1241 for more than one column. */
export function compileScalarSubquery(query: QueryExpr, context: CompileContext): CompiledExpr {
  const cache = register(query, context);
  return {
    type: context.subqueryTypes?.get(query) ?? varcharType(255),
    isNullable: true,
    evaluate: (row) => {
      const { rows, types } = cache.get(row);
      if (types.length !== 1) throw mysqlError(ER_OPERAND_COLUMNS, 1);
      if (rows.length > 1) throw mysqlError(ER_SUBQUERY_NO_1_ROW);
      return rows[0]?.[0] ?? null;
    },
  };
}

/** `EXISTS (SELECT …)`. */
export function compileExistsSubquery(query: QueryExpr, context: CompileContext): CompiledExpr {
  const cache = register(query, context);
  return { type: BOOL_RESULT_TYPE, isNullable: false, evaluate: (row) => (cache.get(row).rows.length > 0 ? 1n : 0n) };
}

/**
 * `x [NOT] IN (SELECT …)` and `x op ANY|ALL (SELECT …)` with SQL's three-valued logic: a NULL comparison that could
 * decide the result makes it NULL.
 */
export function compileQuantifiedSubquery(
  operand: CompiledExpr,
  op: CompareOp,
  quantifier: 'ANY' | 'ALL',
  isNot: boolean,
  query: QueryExpr,
  context: CompileContext,
): CompiledExpr {
  const cache = register(query, context);
  const warnings = context.session.warnings;
  const test = comparisonTest(op);
  return {
    type: BOOL_RESULT_TYPE,
    isNullable: true,
    evaluate: (row) => {
      const { rows, types } = cache.get(row);
      if (types.length !== 1) throw mysqlError(ER_OPERAND_COLUMNS, 1);
      const value = operand.evaluate(row);
      const collation = comparisonCollation(operand.type, types[0]!);
      let sawNull = false;
      let result: boolean;
      if (rows.length === 0) {
        result = quantifier === 'ALL';
      } else if (value === null) {
        return null;
      } else {
        result = quantifier === 'ALL';
        for (const candidateRow of rows) {
          const candidate: SqlValue = candidateRow[0] ?? null;
          if (candidate === null) {
            sawNull = true;
            continue;
          }
          const isMatch = test(compareValues(value, candidate, collation, warnings));
          if (quantifier === 'ANY' && isMatch) {
            result = true;
            sawNull = false;
            break;
          }
          if (quantifier === 'ALL' && !isMatch) {
            result = false;
            sawNull = false;
            break;
          }
        }
      }
      if (sawNull) return null;
      return result !== isNot ? 1n : 0n;
    },
  };
}
