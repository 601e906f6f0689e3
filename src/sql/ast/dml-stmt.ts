// INSERT / REPLACE / UPDATE / DELETE statement nodes.
import type { ColumnRefExpr, Expr, Limit, OrderItem, QueryExpr, StmtBase } from './query.js';
import type { TableName, TableRef } from './table-ref.js';

/** `col = expr` in SET lists and ON DUPLICATE KEY UPDATE. */
export interface Assignment {
  readonly column: ColumnRefExpr;
  readonly value: Expr;
}

/** Where INSERT's rows come from. `DEFAULT` inside VALUES is a DefaultExpr. */
export type InsertSource =
  | { readonly kind: 'values'; readonly rows: readonly (readonly Expr[])[] }
  | { readonly kind: 'set'; readonly assignments: readonly Assignment[] }
  | { readonly kind: 'select'; readonly query: QueryExpr };

/** `INSERT|REPLACE [LOW_PRIORITY|DELAYED|HIGH_PRIORITY] [IGNORE] [INTO] t [(cols)] source [ON DUPLICATE KEY UPDATE …]`. */
export interface InsertStmt extends StmtBase {
  readonly kind: 'InsertStmt';
  readonly isReplace: boolean;
  readonly priority?: 'LOW_PRIORITY' | 'DELAYED' | 'HIGH_PRIORITY';
  readonly isIgnore: boolean;
  readonly table: TableName;
  readonly partitions?: readonly string[];
  readonly columns?: readonly string[];
  readonly source: InsertSource;
  /** `AS alias [(cols)]` row alias of MySQL 8.0.19+. */
  readonly rowAlias?: { readonly name: string; readonly columns?: readonly string[] };
  readonly onDuplicate?: readonly Assignment[];
}

/**
 * `UPDATE [LOW_PRIORITY] [IGNORE] refs SET … [WHERE] [ORDER BY] [LIMIT]`. Single-table when `tables` is one
 * TableNameRef; ORDER BY/LIMIT are only valid then (the executor rejects them otherwise with 1221, as MySQL).
 */
export interface UpdateStmt extends StmtBase {
  readonly kind: 'UpdateStmt';
  readonly isLowPriority: boolean;
  readonly isIgnore: boolean;
  readonly tables: readonly TableRef[];
  readonly assignments: readonly Assignment[];
  readonly where?: Expr;
  readonly orderBy?: readonly OrderItem[];
  readonly limit?: Limit;
}

/**
 * DELETE. Single-table form: `DELETE FROM t [AS a] [WHERE] [ORDER BY] [LIMIT]` → `targets` = [t], no `from`.
 * Multi-table forms `DELETE t1, t2 FROM refs …` and `DELETE FROM t1, t2 USING refs …` → `targets` + `from`.
 */
export interface DeleteStmt extends StmtBase {
  readonly kind: 'DeleteStmt';
  readonly isLowPriority: boolean;
  readonly isQuick: boolean;
  readonly isIgnore: boolean;
  readonly targets: readonly TableName[];
  /** Alias of the single-table form (`DELETE FROM t AS x WHERE x.a = 1`, MySQL 8.0.16+). */
  readonly alias?: string;
  readonly from?: readonly TableRef[];
  readonly where?: Expr;
  readonly orderBy?: readonly OrderItem[];
  readonly limit?: Limit;
}
