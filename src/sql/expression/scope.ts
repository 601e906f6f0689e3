// Scope: the columns visible to an expression and how a column reference resolves to a row position.
import { mysqlError, ER_BAD_FIELD_ERROR, ER_NON_UNIQ_ERROR } from '../../errors/index.js';
import type { ColumnRefExpr } from '../ast/index.js';
import type { FieldType } from '../types/index.js';
import type { TableInfo } from '../catalog/index.js';

/** One column of an input row. */
export interface ScopeColumn {
  readonly name: string;
  /** The table alias (or name) the column belongs to; '' for derived values. */
  readonly table: string;
  readonly database: string;
  readonly type: FieldType;
  readonly isNotNull: boolean;
  /**
   * A column merged into another by JOIN … USING / NATURAL JOIN: `SELECT *` skips it and an unqualified reference
   * means the merged column, but a qualified reference (`t2.id`) still finds it.
   */
  readonly isHidden?: boolean;
  /** An INVISIBLE table column: `SELECT *` skips it, but any reference by name finds it. */
  readonly isInvisible?: boolean;
  /** For a base-table column: where it comes from, so result metadata can describe it as MySQL does. */
  readonly origin?: { readonly table: TableInfo; readonly offset: number };
}

/** Where in a statement a column reference stands, for MySQL's "Unknown column 'x' in 'field list'" message. */
export type ClauseName =
  | 'field list'
  | 'where clause'
  | 'order clause'
  | 'having clause'
  | 'group statement'
  | 'on clause'
  | 'window partition by'
  | 'window order by'
  | 'a table function argument';

/** The input row layout an expression is compiled against. */
export class Scope {
  constructor(readonly columns: readonly ScopeColumn[]) {}

  static readonly empty = new Scope([]);

  /** The columns of this scope followed by those of `other` (a join's row layout). */
  concat(other: Scope): Scope {
    return new Scope([...this.columns, ...other.columns]);
  }

  /** True when `ref` names exactly one column of this scope. */
  has(ref: ColumnRefExpr): boolean {
    return this.lookup(ref) >= 0;
  }

  /** The row position of `ref` when it names exactly one column; undefined otherwise (never throws). */
  find(ref: ColumnRefExpr): number | undefined {
    const found = this.lookup(ref);
    return found >= 0 ? found : undefined;
  }

  /**
   * The row position of `ref`. Names compare case-insensitively, as MySQL's column names do. Unknown → 1054,
   * ambiguous → 1052, each naming `clause` as MySQL does.
   */
  resolve(ref: ColumnRefExpr, clause: ClauseName): number {
    const found = this.lookup(ref);
    if (found === AMBIGUOUS) throw mysqlError(ER_NON_UNIQ_ERROR, ref.column, clause);
    if (found < 0) throw mysqlError(ER_BAD_FIELD_ERROR, qualifiedName(ref), clause);
    return found;
  }

  /** The position of `ref`, NOT_FOUND, or AMBIGUOUS; never throws (planners probe many names). */
  private lookup(ref: ColumnRefExpr): number {
    const name = ref.column.toLowerCase();
    const table = ref.table?.toLowerCase();
    const database = ref.db?.toLowerCase();
    const keys = this.lowerNames();
    let found = NOT_FOUND;
    for (let i = 0; i < this.columns.length; i++) {
      if (keys[i] !== name) continue;
      const column = this.columns[i]!;
      if (table !== undefined && column.table.toLowerCase() !== table) continue;
      if (database !== undefined && column.database.toLowerCase() !== database) continue;
      if (column.isHidden && table === undefined) continue;
      if (found >= 0) return AMBIGUOUS;
      found = i;
    }
    return found;
  }

  private names: string[] | undefined;

  private lowerNames(): string[] {
    this.names ??= this.columns.map((column) => column.name.toLowerCase());
    return this.names;
  }
}

const NOT_FOUND = -1;
const AMBIGUOUS = -2;

function qualifiedName(ref: ColumnRefExpr): string {
  return [ref.db, ref.table, ref.column].filter((part) => part !== undefined).join('.');
}
