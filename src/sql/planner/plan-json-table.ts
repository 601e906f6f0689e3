// Plans JSON_TABLE in FROM: its columns under the table function's alias, its rows computed when read.
import { mysqlError, ER_TF_MUST_HAVE_ALIAS } from '../../errors/index.js';
import type { JsonTableRef } from '../ast/index.js';
import { Scope, compileJsonTable } from '../expression/index.js';
import type { OuterBinding } from '../expression/index.js';
import { operatorPlan } from './operator-plan.js';
import type { JsonTablePlan } from './physical-plan.js';
import type { PlanContext } from './plan-context.js';

/** Rows a JSON_TABLE yields per document before anything is known of it (MySQL's and TiDB's usual guess). */
const ESTIMATED_ROWS = 10;

/**
 * `ref` planned against `outer`: the row of the tables before it in FROM (bound per row by a LateralJoin), or the
 * enclosing query's row when it stands first.
 */
export function planJsonTable(ref: JsonTableRef, context: PlanContext, outer: OuterBinding | undefined): JsonTablePlan {
  if (ref.alias === undefined) throw mysqlError(ER_TF_MUST_HAVE_ALIAS);
  const { session, params } = context;
  const table = compileJsonTable(ref, { scope: Scope.empty, clause: 'a table function argument', session, outer, ...(params ? { params } : {}) });
  const alias = ref.alias;
  const scope = new Scope(table.columns.map((column) => ({ name: column.name, table: alias, database: '', type: column.type, isNotNull: false })));
  const explain = operatorPlan('TableFunction', ESTIMATED_ROWS, [], () => 'json_table', { accessObject: `table:${alias}` });
  return { kind: 'JsonTable', scope, explain, rows: (warnings) => table.rows(warnings) };
}
