// SystemTable: an information_schema table: fixed columns, rows computed when a query reads it.
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext, SessionTableName } from '../execution-context.js';
import { TypeKind, fieldType } from '../types/index.js';
import type { FieldType, Row } from '../types/index.js';

/** One column of a system table. */
export interface SystemColumn {
  readonly name: string;
  readonly type: FieldType;
  readonly isNotNull: boolean;
}

/** What a system table's rows are computed from. */
export interface SystemTableContext {
  readonly catalog: Catalog;
  readonly session: ExecutionContext;
  /** Every information_schema table name (TABLES lists them too). */
  readonly systemTableNames: readonly string[];
}

export interface SystemTable {
  /** The upper-case name, as MySQL shows it. */
  readonly name: string;
  readonly columns: readonly SystemColumn[];
  rows(context: SystemTableContext): Row[];
}

/** Column types of the information_schema tables, as MySQL declares them. */
// Names compare case-insensitively, as in MySQL 8.0.11's information_schema (utf8_general_ci).
export const NAME = fieldType(TypeKind.VarChar, { length: 64, collation: 'utf8_general_ci' });
export const TEXT = fieldType(TypeKind.LongText);
export const SHORT = fieldType(TypeKind.VarChar, { length: 512 });
export const UINT = fieldType(TypeKind.BigInt, { length: 21, isUnsigned: true });
export const INT = fieldType(TypeKind.BigInt, { length: 21 });
export const DATETIME = fieldType(TypeKind.DateTime);

/** Builds column definitions from `[name, type, nullable?]` triples (NOT NULL unless the third is true). */
export function columns(specs: readonly (readonly [string, FieldType, boolean?])[]): SystemColumn[] {
  return specs.map(([name, type, isNullable]) => ({ name, type, isNotNull: isNullable !== true }));
}

/** A table whose rows the session layer supplies (variables, status, processes). */
export function sessionTable(name: SessionTableName, specs: readonly (readonly [string, FieldType, boolean?])[]): SystemTable {
  return { name, columns: columns(specs), rows: ({ session }) => session.systemTableRows?.(name) ?? [] };
}
