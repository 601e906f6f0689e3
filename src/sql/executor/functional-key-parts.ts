// MySQL 8.0.13's functional key parts, `INDEX ((expr))`: each becomes a hidden VIRTUAL generated column that the
// index covers, as MySQL implements them, so the planner's generated-column matching lets `WHERE expr = …` use it.
import {
  mysqlError,
  ER_BAD_FIELD_ERROR,
  ER_FUNCTIONAL_INDEX_FUNCTION_IS_NOT_ALLOWED,
  ER_FUNCTIONAL_INDEX_ON_FIELD,
  ER_FUNCTIONAL_INDEX_ON_JSON_OR_GEOMETRY_FUNCTION,
  ER_FUNCTIONAL_INDEX_ON_LOB,
  ER_FUNCTIONAL_INDEX_PRIMARY_KEY,
  ER_FUNCTIONAL_INDEX_REF_AUTO_INCREMENT,
  ER_FUNCTIONAL_INDEX_ROW_VALUE_IS_NOT_ALLOWED,
} from '../../errors/index.js';
import type { Expr, IndexDef, IndexPart } from '../ast/index.js';
import type { ColumnInfo } from '../catalog/index.js';
import { findValueGeneratorProblem, storedExpressionSession, valueGeneratorError } from '../constraints/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, compileExpr } from '../expression/index.js';
import { formatStoredExpr } from '../parser/index.js';
import { isBlobType, isJsonType, isStringType } from '../types/index.js';
import { uniqueIndexName } from './constraint-names.js';

/**
 * The longest string a VARCHAR/VARBINARY holds (utf8mb4 characters, bytes): a longer result — what is computed from a
 * TEXT column, as CONCAT(body, '') — would be TEXT in MySQL, which a functional index refuses.
 */
const MAX_VARCHAR_CHARS = 16_383;
const MAX_VARBINARY_BYTES = 65_535;

/** MySQL's name for an unnamed index whose first part is an expression (then `functional_index_2`, …). */
const FUNCTIONAL_INDEX_NAME = 'functional_index';

/** An index definition whose expression parts now name their hidden columns, and the columns to add for them. */
export interface FunctionalIndex {
  readonly def: IndexDef;
  readonly hiddenColumns: readonly ColumnInfo[];
}

/** True when some part of the index is an expression. */
export function hasFunctionalKeyParts(parts: readonly IndexPart[]): boolean {
  return parts.some((part) => part.expr !== undefined);
}

/**
 * Gives each expression part of `def` a hidden column over `columns` (ids from `nextId`, offsets after the last
 * column) and names the index when the statement did not (`functional_index`, unique among `takenNames`). Refuses
 * what MySQL refuses: a functional primary key (3756), a bare column in parentheses (3762), an expression of JSON
 * (3753) or BLOB/TEXT type (3757, or a string longer than a VARCHAR holds), a disallowed function or variable (3758), a row value (3800), an AUTO_INCREMENT
 * column (3754).
 */
export function functionalIndex(def: IndexDef, columns: readonly ColumnInfo[], takenNames: ReadonlySet<string>, nextId: () => number, session: ExecutionContext): FunctionalIndex {
  if (!hasFunctionalKeyParts(def.parts)) return { def, hiddenColumns: [] };
  if (def.indexType === 'PRIMARY') throw mysqlError(ER_FUNCTIONAL_INDEX_PRIMARY_KEY);
  const name = def.name ?? (def.parts[0]?.expr ? uniqueIndexName(FUNCTIONAL_INDEX_NAME, takenNames) : undefined);
  const indexName = name ?? def.parts[0]?.column ?? FUNCTIONAL_INDEX_NAME;
  const hiddenColumns: ColumnInfo[] = [];
  const parts = def.parts.map((part, i): IndexPart => {
    if (part.expr === undefined) return part;
    const column = hiddenColumn(part.expr, indexName, i, nextId(), columns.length + hiddenColumns.length, columns, session);
    hiddenColumns.push(column);
    return { column: column.name, ...(part.direction && { direction: part.direction }) };
  });
  return { def: { ...def, ...(name !== undefined && { name }), parts }, hiddenColumns };
}

function hiddenColumn(expr: Expr, indexName: string, part: number, id: number, offset: number, columns: readonly ColumnInfo[], session: ExecutionContext): ColumnInfo {
  if (expr.kind === 'ColumnRefExpr') throw mysqlError(ER_FUNCTIONAL_INDEX_ON_FIELD);
  const problem = findValueGeneratorProblem(expr, (name) => {
    const column = columns.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!column) return mysqlError(ER_BAD_FIELD_ERROR, name, 'functional index');
    return column.isAutoIncrement ? mysqlError(ER_FUNCTIONAL_INDEX_REF_AUTO_INCREMENT, indexName) : undefined;
  });
  if (problem) throw valueGeneratorError(problem, indexName, FUNCTIONAL_INDEX_ERRORS);
  const scope = new Scope(columns.map((column) => ({ name: column.name, table: '', database: '', type: column.type, isNotNull: column.isNotNull })));
  const { type } = compileExpr(expr, { scope, clause: 'field list', session: storedExpressionSession(session) });
  if (isJsonType(type)) throw mysqlError(ER_FUNCTIONAL_INDEX_ON_JSON_OR_GEOMETRY_FUNCTION);
  if (isBlobType(type) || (isStringType(type) && type.length > (type.collation === 'binary' ? MAX_VARBINARY_BYTES : MAX_VARCHAR_CHARS))) throw mysqlError(ER_FUNCTIONAL_INDEX_ON_LOB);
  const { coercibility: _coercibility, ...columnType } = type;
  return {
    id,
    name: `!hidden!${indexName}!${part}!0`,
    offset,
    type: columnType,
    isNotNull: false,
    isAutoIncrement: false,
    defaultValue: { kind: 'null' },
    onUpdateCurrentTimestamp: false,
    comment: '',
    generated: { expr: formatStoredExpr(expr), isStored: false },
    isInvisible: true,
    isFunctionalKeyPart: true,
  };
}

const FUNCTIONAL_INDEX_ERRORS = {
  named: ER_FUNCTIONAL_INDEX_FUNCTION_IS_NOT_ALLOWED,
  unnamed: ER_FUNCTIONAL_INDEX_FUNCTION_IS_NOT_ALLOWED,
  variable: ER_FUNCTIONAL_INDEX_FUNCTION_IS_NOT_ALLOWED,
  rowValue: ER_FUNCTIONAL_INDEX_ROW_VALUE_IS_NOT_ALLOWED,
};
