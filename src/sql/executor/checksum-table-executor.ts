// CHECKSUM TABLE: a checksum of each table's rows, for comparing two copies of a table.
import { createHash } from 'node:crypto';
import { mysqlError, ER_NO_DB_ERROR, ER_NO_SUCH_TABLE } from '../../errors/index.js';
import type { ChecksumTableStmt } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { isInformationSchema } from '../infoschema/information-schema-name.js';
import { expressionColumn, rowsResult } from '../statement-result.js';
import type { RowsResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { TypeKind, fieldType } from '../types/index.js';
import type { SqlValue } from '../types/index.js';

const UINT32 = 0x1_0000_0000n;

/**
 * `Table | Checksum`, one row per table: the sum (mod 2^32) of a 32-bit hash of every row's values, so that equal
 * contents give equal checksums whatever the rows' order or storage layout, as MySQL's live checksum does (the
 * number itself is TidalDB's, not MySQL's). A missing table or a view gives NULL and warning 1146, as in MySQL.
 * QUICK and EXTENDED read the rows alike.
 */
export async function executeChecksumTable(stmt: ChecksumTableStmt, catalog: Catalog, context: ExecutionContext): Promise<RowsResult> {
  const rows: SqlValue[][] = [];
  for (const name of stmt.tables) {
    const database = name.db ?? context.currentDatabase;
    if (database === undefined) throw mysqlError(ER_NO_DB_ERROR);
    const table = isInformationSchema(database) ? undefined : catalog.findTable(database, name.name);
    if (table === undefined || table.view !== undefined || table.sequence !== undefined) {
      context.warnings.warn(mysqlError(ER_NO_SUCH_TABLE, database, name.name));
      rows.push([`${database}.${name.name}`, null]);
      continue;
    }
    let sum = 0n;
    for await (const batch of new TableRows(await context.transaction(), table, undefined, undefined).scan()) {
      for (const { row } of batch) sum = (sum + rowHash(row)) % UINT32;
    }
    rows.push([`${database}.${name.name}`, sum]);
  }
  return rowsResult([expressionColumn('Table', fieldType(TypeKind.VarChar, { length: 129 }), true), expressionColumn('Checksum', fieldType(TypeKind.BigInt, { length: 21 }))], rows);
}

function rowHash(row: readonly SqlValue[]): bigint {
  const hash = createHash('md5');
  for (const value of row) {
    // Each value tagged with its kind and length, so that no two different rows read the same.
    const text = value === null ? '' : Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
    hash.update(`${value === null ? 'n' : Buffer.isBuffer(value) ? 'b' : typeof value}${text.length}:`);
    hash.update(text, Buffer.isBuffer(value) ? 'latin1' : 'utf8');
  }
  return BigInt(hash.digest().readUInt32BE(0));
}
