// StatementResult: what executing one statement produces, an OK summary or a stream of rows with column metadata.
import type { FieldType, Row } from './types/index.js';

/** Column metadata for a result set, enough for the protocol's ColumnDefinition41. */
export interface ResultColumn {
  /** The column's name in the result (its alias, or the expression text). */
  readonly name: string;
  /** The underlying column's name, or '' for an expression. */
  readonly orgName: string;
  /** The table alias, or '' for an expression. */
  readonly table: string;
  readonly orgTable: string;
  readonly schema: string;
  readonly type: FieldType;
  readonly isNotNull: boolean;
  readonly isPrimaryKey: boolean;
  readonly isUniqueKey: boolean;
  readonly isMultipleKey: boolean;
  readonly isAutoIncrement: boolean;
  /** Set on table columns that have no DEFAULT, as MySQL flags them. */
  readonly hasNoDefault: boolean;
}

/** The result of a statement that returns no rows. */
export interface OkResult {
  readonly kind: 'ok';
  readonly affectedRows: bigint;
  readonly lastInsertId: bigint;
  /** The human-readable info string, e.g. `Records: 3  Duplicates: 0  Warnings: 0`. */
  readonly info: string;
}

/**
 * The result of a statement that returns rows. `rows` yields batches and must be consumed to the end (or returned)
 * exactly once; the session keeps the statement's snapshot open until then.
 */
export interface RowsResult {
  readonly kind: 'rows';
  readonly columns: readonly ResultColumn[];
  readonly rows: AsyncIterable<Row[]>;
  /**
   * Every row, when they were all read before the result was returned (a point get, a listing built in memory):
   * `rows` yields the same. The session then finishes the statement at once, and writers skip the stream.
   */
  readonly complete?: readonly Row[];
}

export type StatementResult = OkResult | RowsResult;

/** An OK result with nothing affected. */
export const OK_NOTHING: OkResult = { kind: 'ok', affectedRows: 0n, lastInsertId: 0n, info: '' };

/** Builds a result column for a computed value with no underlying table column. */
export function expressionColumn(name: string, type: FieldType, isNotNull = false): ResultColumn {
  return {
    name,
    orgName: '',
    table: '',
    orgTable: '',
    schema: '',
    type,
    isNotNull,
    isPrimaryKey: false,
    isUniqueKey: false,
    isMultipleKey: false,
    isAutoIncrement: false,
    hasNoDefault: false,
  };
}

/** A rows result from rows already in memory. */
export function rowsResult(columns: readonly ResultColumn[], rows: Row[]): RowsResult {
  return { kind: 'rows', columns, rows: new SingleBatch(rows), complete: rows };
}

/** Rows in memory as a stream of one batch (none when empty); made without starting a generator. */
class SingleBatch implements AsyncIterable<Row[]> {
  constructor(private readonly rows: Row[]) {}

  [Symbol.asyncIterator](): AsyncIterator<Row[]> {
    let isDone = this.rows.length === 0;
    return {
      next: () => {
        if (isDone) return Promise.resolve({ done: true, value: undefined });
        isDone = true;
        return Promise.resolve({ done: false, value: this.rows });
      },
    };
  }
}
