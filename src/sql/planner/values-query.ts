// valuesAsQuery: MySQL 8.0.19's table value constructor `VALUES ROW(…), ROW(…) [ORDER BY …] [LIMIT …]` as the
// UNION ALL of one-row SELECTs it is equal to, its columns named column_0, column_1, … as MySQL names them.
import { mysqlError, ER_WRONG_VALUE_COUNT_ON_ROW } from '../../errors/index.js';
import type { QueryExpr, SelectStmt, ValuesStmt } from '../ast/index.js';

export function valuesAsQuery(values: ValuesStmt): QueryExpr {
  const width = values.rows[0]?.length ?? 0;
  const selects = values.rows.map((row, i): SelectStmt => {
    if (row.length !== width || width === 0) throw mysqlError(ER_WRONG_VALUE_COUNT_ON_ROW, i + 1);
    return { kind: 'SelectStmt', text: values.text, isDistinct: false, items: row.map((expr, column) => ({ kind: 'SelectExprItem', expr, alias: `column_${column}`, text: `column_${column}` })) };
  });
  const tail = { ...(values.orderBy && { orderBy: values.orderBy }), ...(values.limit && { limit: values.limit }) };
  // Halves rather than a chain, so that planning a VALUES of many rows does not recurse once per row.
  const unionOf = (from: number, to: number): QueryExpr => {
    if (to - from === 1) return selects[from]!;
    const middle = (from + to) >> 1;
    return { kind: 'UnionStmt', text: values.text, op: 'UNION', isAll: true, left: unionOf(from, middle), right: unionOf(middle, to) };
  };
  const query = unionOf(0, selects.length);
  return { ...query, ...tail, ...(values.with && { with: values.with }) };
}
