// SHOW statements answered from the information_schema tables: PROCESSLIST, ENGINES, CHARSET, COLLATION,
// TABLE STATUS, CREATE DATABASE, TRIGGERS; each with LIKE and WHERE as MySQL allows them.
import { mysqlError, ER_NO_DB_ERROR } from '../../errors/index.js';
import type { ShowStmt } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { likePatternToRegExp } from '../expression/index.js';
import { getSystemTable, systemTableRows } from '../infoschema/information-schema.js';
import { isInformationSchema } from '../infoschema/information-schema-name.js';
import { tableStatus } from '../infoschema/catalog-tables.js';
import { expressionColumn, rowsResult } from '../statement-result.js';
import type { ResultColumn, RowsResult } from '../statement-result.js';
import { TypeKind, fieldType } from '../types/index.js';
import type { FieldType, Row } from '../types/index.js';

const NAME = fieldType(TypeKind.VarChar, { length: 64 });
const TEXT = fieldType(TypeKind.VarChar, { length: 1024 });

/** The SHOW targets answered here. */
export const SERVER_SHOW_TARGETS: ReadonlySet<ShowStmt['target']> = new Set<ShowStmt['target']>([
  'PROCESSLIST', 'ENGINES', 'CHARSET', 'COLLATION', 'TABLE STATUS', 'CREATE DATABASE', 'TRIGGERS', 'EVENTS',
  'PROCEDURE STATUS', 'FUNCTION STATUS',
]);

export function executeServerShow(stmt: ShowStmt, catalog: Catalog, session: ExecutionContext): RowsResult {
  const rowsOf = (name: string): Row[] => systemTableRows(getSystemTable(name), catalog, session);
  switch (stmt.target) {
    case 'PROCESSLIST': {
      const isFull = stmt.isFull ?? false;
      const rows = rowsOf('PROCESSLIST').map((row): Row => {
        const info = row[7];
        // Without FULL, MySQL shows only the first 100 characters of each statement.
        return [...row.slice(0, 7), !isFull && typeof info === 'string' ? info.slice(0, 100) : info ?? null, row[8] ?? ''];
      });
      const uint = fieldType(TypeKind.BigInt, { length: 21, isUnsigned: true });
      return listing(stmt, session, [['Id', uint], ['User', NAME], ['Host', NAME], ['db', NAME, true], ['Command', NAME], ['Time', fieldType(TypeKind.Int, { length: 7 })], ['State', NAME, true], ['Info', TEXT, true], ['Tls', NAME]], rows, undefined);
    }
    case 'ENGINES':
      return listing(stmt, session, [['Engine', NAME], ['Support', NAME], ['Comment', TEXT], ['Transactions', NAME, true], ['XA', NAME, true], ['Savepoints', NAME, true]], rowsOf('ENGINES'), 0);
    case 'CHARSET':
      return listing(stmt, session, [['Charset', NAME], ['Description', NAME], ['Default collation', NAME], ['Maxlen', fieldType(TypeKind.BigInt, { length: 3, isUnsigned: true })]],
        rowsOf('CHARACTER_SETS').map((row): Row => [row[0]!, row[2]!, row[1]!, row[3]!]), 0);
    case 'COLLATION':
      return listing(stmt, session, [['Collation', NAME], ['Charset', NAME], ['Id', fieldType(TypeKind.BigInt, { length: 11, isUnsigned: true })], ['Default', NAME], ['Compiled', NAME], ['Sortlen', fieldType(TypeKind.BigInt, { length: 3, isUnsigned: true })], ['Pad_attribute', NAME]],
        rowsOf('COLLATIONS'), 0);
    case 'TABLE STATUS': {
      const databaseName = canonicalDatabase(stmt.db, catalog, session);
      const tables = isInformationSchema(databaseName) ? [] : catalog.listTables(databaseName);
      const uint = fieldType(TypeKind.BigInt, { length: 21, isUnsigned: true });
      const datetime = fieldType(TypeKind.DateTime);
      const columns: ColumnSpec[] = [
        ['Name', NAME], ['Engine', NAME, true], ['Version', uint, true], ['Row_format', NAME, true], ['Rows', uint, true],
        ['Avg_row_length', uint, true], ['Data_length', uint, true], ['Max_data_length', uint, true], ['Index_length', uint, true],
        ['Data_free', uint, true], ['Auto_increment', uint, true], ['Create_time', datetime, true], ['Update_time', datetime, true],
        ['Check_time', datetime, true], ['Collation', NAME, true], ['Checksum', uint, true], ['Create_options', NAME, true], ['Comment', TEXT, true],
      ];
      const rows = tables.map((table) => {
        const row = tableStatus(databaseName, table);
        return [row[2]!, ...row.slice(4)];
      });
      return listing(stmt, session, columns, rows, 0);
    }
    case 'CREATE DATABASE': {
      const name = stmt.db!;
      if (isInformationSchema(name)) {
        return createDatabaseResult('information_schema', 'CREATE DATABASE `information_schema` /*!40100 DEFAULT CHARACTER SET utf8mb3 */');
      }
      const database = catalog.getDatabase(name);
      const ifNotExists = stmt.ifNotExists ? '/*!32312 IF NOT EXISTS*/ ' : '';
      return createDatabaseResult(
        database.name,
        `CREATE DATABASE ${ifNotExists}\`${database.name.replace(/`/g, "``")}\` /*!40100 DEFAULT CHARACTER SET ${database.charset} COLLATE ${database.collation} */ /*!80016 DEFAULT ENCRYPTION='N' */`,
      );
    }
    case 'EVENTS': {
      // No events exist (CREATE EVENT is not supported); the listing is there for tools such as mysqldump.
      canonicalDatabase(stmt.db, catalog, session);
      const columns: ColumnSpec[] = [
        ['Db', NAME], ['Name', NAME], ['Definer', NAME], ['Time zone', NAME], ['Type', NAME], ['Execute at', fieldType(TypeKind.DateTime), true],
        ['Interval value', NAME, true], ['Interval field', NAME, true], ['Starts', fieldType(TypeKind.DateTime), true],
        ['Ends', fieldType(TypeKind.DateTime), true], ['Status', NAME], ['Originator', fieldType(TypeKind.BigInt, { length: 10, isUnsigned: true })],
        ['character_set_client', NAME], ['collation_connection', NAME], ['Database Collation', NAME],
      ];
      return listing(stmt, session, columns, [], 1);
    }
    case 'PROCEDURE STATUS':
    case 'FUNCTION STATUS': {
      // No stored routines exist; the listing is empty with MySQL's columns.
      const columns: ColumnSpec[] = [
        ['Db', NAME], ['Name', NAME], ['Type', NAME], ['Definer', NAME], ['Modified', fieldType(TypeKind.DateTime)],
        ['Created', fieldType(TypeKind.DateTime)], ['Security_type', NAME], ['Comment', TEXT], ['character_set_client', NAME],
        ['collation_connection', NAME], ['Database Collation', NAME],
      ];
      return listing(stmt, session, columns, [], 1);
    }
    default: {
      // TRIGGERS: none exist (CREATE TRIGGER is not supported), but the listing is there for tools such as mysqldump.
      canonicalDatabase(stmt.db, catalog, session);
      const columns: ColumnSpec[] = [
        ['Trigger', NAME], ['Event', NAME], ['Table', NAME], ['Statement', TEXT], ['Timing', NAME], ['Created', fieldType(TypeKind.DateTime, { decimals: 2 }), true],
        ['sql_mode', TEXT], ['Definer', NAME], ['character_set_client', NAME], ['collation_connection', NAME], ['Database Collation', NAME],
      ];
      return listing(stmt, session, columns, [], 2);
    }
  }
}

type ColumnSpec = readonly [string, FieldType, boolean?];

function createDatabaseResult(name: string, text: string): RowsResult {
  return rowsResult([expressionColumn('Database', NAME, true), expressionColumn('Create Database', TEXT, true)], [[name, text]]);
}

function canonicalDatabase(db: string | undefined, catalog: Catalog, session: ExecutionContext): string {
  const name = db ?? session.currentDatabase;
  if (name === undefined) throw mysqlError(ER_NO_DB_ERROR);
  return isInformationSchema(name) ? 'information_schema' : catalog.getDatabase(name).name;
}

/**
 * A SHOW result: `rows` filtered by LIKE on column `likeColumn` (case-insensitively, as MySQL matches names). WHERE
 * is applied to every SHOW listing by the SHOW table (statements/show-filter.ts).
 */
function listing(stmt: ShowStmt, session: ExecutionContext, specs: readonly ColumnSpec[], rows: Row[], likeColumn: number | undefined): RowsResult {
  const columns: ResultColumn[] = specs.map(([name, type, isNullable]) => expressionColumn(name, type, isNullable !== true));
  let kept = rows;
  if (stmt.like !== undefined && likeColumn !== undefined) {
    const regexp = likePatternToRegExp(stmt.like, '\\', true);
    kept = kept.filter((row) => regexp.test(String(row[likeColumn] ?? '')));
  }
  return rowsResult(columns, kept);
}
