// Result sets as plain data for comparing two ways of running a query: the rows, and the column metadata a driver
// decodes them by.
import type { FieldPacket, RowDataPacket } from 'mysql2/promise';

/** Rows as plain objects, and the metadata a driver decodes them by. */
export interface ResultShape {
  readonly rows: unknown[];
  readonly fields: unknown[];
}

export function resultShape(rows: RowDataPacket[], fields: FieldPacket[]): ResultShape {
  return {
    rows: rows.map((row) => ({ ...row })),
    fields: fields.map((field) => ({ name: field.name, type: field.type, length: field.columnLength, flags: field.flags, decimals: field.decimals, charset: field.characterSet })),
  };
}
