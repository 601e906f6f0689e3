// SELECT … INTO @a, @b: runs the query and stores its one row in user variables, as MySQL does.
import { mysqlError, ER_SP_FETCH_NO_DATA, ER_TOO_MANY_ROWS, ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT } from '../../errors/index.js';
import type { SelectStmt } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { StatementParams } from '../expression/index.js';
import type { OkResult } from '../statement-result.js';
import type { Row } from '../types/index.js';
import { executeQuery } from './select-executor.js';

/**
 * The query without its INTO, then: a column count other than the variables' is 1222, more than one row 1172; no row
 * leaves the variables as they were with warning 1329; one row is assigned, column by column, and counts as one
 * affected row, as MySQL reports it.
 */
export async function executeSelectInto(stmt: SelectStmt, catalog: Catalog, session: ExecutionContext, params?: StatementParams): Promise<OkResult> {
  const { into, ...query } = stmt;
  const targets = into ?? [];
  const result = await executeQuery(query, catalog, session, params);
  if (result.columns.length !== targets.length) throw mysqlError(ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT);
  let found: Row | undefined;
  let count = 0;
  for await (const batch of result.rows) {
    for (const row of batch) {
      count++;
      found ??= row;
    }
  }
  if (count > 1) throw mysqlError(ER_TOO_MANY_ROWS);
  if (found === undefined) {
    session.warnings.warn(mysqlError(ER_SP_FETCH_NO_DATA));
    return { kind: 'ok', affectedRows: 0n, lastInsertId: 0n, info: '' };
  }
  targets.forEach((target, i) => session.setUserVariable(target.name, found[i] ?? null));
  return { kind: 'ok', affectedRows: 1n, lastInsertId: 0n, info: '' };
}
