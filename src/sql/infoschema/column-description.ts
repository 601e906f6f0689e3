// How MySQL describes a column in SHOW COLUMNS and information_schema.COLUMNS: its key kind and its default.
import type { ColumnInfo, TableInfo } from '../catalog/index.js';
import { defaultLiteralText, isBitType } from '../types/index.js';
import type { SqlValue } from '../types/index.js';

/** The Key column of SHOW COLUMNS and COLUMN_KEY: PRI, UNI, MUL or empty, from the indexes the column leads. */
export function keyKind(table: TableInfo, column: ColumnInfo): string {
  const first = table.indexes.filter((index) => index.columnOffsets[0] === column.offset);
  if (first.some((index) => index.isPrimary)) return 'PRI';
  if (first.some((index) => index.isUnique && index.columnOffsets.length === 1)) return 'UNI';
  if (first.length > 0) return 'MUL';
  return '';
}

/** An index part as SHOW INDEX and STATISTICS show it: a column by name, a functional key part by its expression. */
export function indexPartSource(column: ColumnInfo): { readonly name: string | null; readonly expression: string | null } {
  return column.isFunctionalKeyPart === true ? { name: null, expression: column.generated?.expr ?? null } : { name: column.name, expression: null };
}

/**
 * CURRENT_TIMESTAMP as MySQL prints a column's DEFAULT / ON UPDATE: with the column's fractional-seconds precision,
 * which MySQL requires the function's to equal (ORMs such as TypeORM compare this text with their model).
 */
export function currentTimestampText(column: ColumnInfo): string {
  return column.type.decimals > 0 ? `CURRENT_TIMESTAMP(${column.type.decimals})` : 'CURRENT_TIMESTAMP';
}

/** A column's DEFAULT as SHOW COLUMNS and COLUMN_DEFAULT show it (NULL for none). */
export function defaultText(column: ColumnInfo): SqlValue {
  const spec = column.defaultValue;
  switch (spec.kind) {
    case 'literal':
      // A BIT default reads as MySQL shows it, b'101'.
      return spec.value !== null && isBitType(column.type) ? defaultLiteralText(column.type, spec.value) : spec.value;
    case 'current-timestamp':
      return currentTimestampText(column);
    case 'sequence':
      return sequenceDefaultText(spec);
    case 'expression':
      return spec.expr;
    case 'null':
    case 'none':
      return null;
  }
}

/**
 * The Extra column of SHOW COLUMNS / COLUMNS.EXTRA: auto_increment, DEFAULT_GENERATED (information_schema only),
 * `on update CURRENT_TIMESTAMP`, `VIRTUAL GENERATED` / `STORED GENERATED` for a generated column, INVISIBLE.
 */
export function columnExtra(column: ColumnInfo, where: 'show' | 'information_schema'): string {
  return [
    column.isAutoIncrement ? 'auto_increment' : '',
    (where === 'information_schema' && column.defaultValue.kind === 'current-timestamp') || column.defaultValue.kind === 'expression' ? 'DEFAULT_GENERATED' : '',
    column.onUpdateCurrentTimestamp ? `on update ${currentTimestampText(column)}` : '',
    column.generated ? (column.generated.isStored ? 'STORED GENERATED' : 'VIRTUAL GENERATED') : '',
    column.isInvisible === true ? 'INVISIBLE' : '',
  ].filter(Boolean).join(' ');
}

/** A sequence default as TiDB shows it: nextval(`db`.`seq`). */
export function sequenceDefaultText(spec: { readonly database: string; readonly name: string }): string {
  const quote = (name: string): string => `\`${name.replace(/`/g, '``')}\``;
  return `nextval(${quote(spec.database)}.${quote(spec.name)})`;
}
