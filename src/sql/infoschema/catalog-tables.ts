// The information_schema tables computed from the catalog: SCHEMATA, TABLES, COLUMNS, STATISTICS, VIEWS, ROUTINES,
// TRIGGERS, PARTITIONS (the constraint tables are in constraint-tables.ts).
import { collationInfo } from '../collation/index.js';
import type { ColumnInfo, DatabaseInfo, TableInfo } from '../catalog/index.js';
import { indexCardinality, shownColumns } from '../catalog/index.js';
import { columnExtra, defaultText, indexPartSource, keyKind } from './column-description.js';
import { MysqlDateTime, TypeKind, bitWidth, blobMaxBytes, formatFieldType, isBinaryType, isTextType } from '../types/index.js';
import type { FieldType, Row, SqlValue } from '../types/index.js';
import { DATETIME, INT, NAME, SHORT, TEXT, UINT, columns } from './system-table.js';
import type { SystemTable, SystemTableContext } from './system-table.js';
import { INFORMATION_SCHEMA_DATABASE } from './information-schema-name.js';

export const CATALOG = 'def';

/** Every user-visible table with its database's canonical name. */
export function allTables({ catalog }: SystemTableContext): { database: DatabaseInfo; table: TableInfo }[] {
  return catalog.listDatabases().flatMap((database) => catalog.listTables(database.name).map((table) => ({ database, table })));
}

export const SCHEMATA: SystemTable = {
  name: 'SCHEMATA',
  columns: columns([
    ['CATALOG_NAME', NAME], ['SCHEMA_NAME', NAME], ['DEFAULT_CHARACTER_SET_NAME', NAME], ['DEFAULT_COLLATION_NAME', NAME],
    ['SQL_PATH', SHORT, true], ['DEFAULT_ENCRYPTION', NAME],
  ]),
  rows: ({ catalog }) => [
    [CATALOG, INFORMATION_SCHEMA_DATABASE, 'utf8mb3', 'utf8mb3_general_ci', null, 'NO'],
    ...catalog.listDatabases().map((database): Row => [CATALOG, database.name, database.charset, database.collation, null, 'NO']),
  ],
};

export const TABLES: SystemTable = {
  name: 'TABLES',
  columns: columns([
    ['TABLE_CATALOG', NAME], ['TABLE_SCHEMA', NAME], ['TABLE_NAME', NAME], ['TABLE_TYPE', NAME], ['ENGINE', NAME, true],
    ['VERSION', INT, true], ['ROW_FORMAT', NAME, true], ['TABLE_ROWS', UINT, true], ['AVG_ROW_LENGTH', UINT, true],
    ['DATA_LENGTH', UINT, true], ['MAX_DATA_LENGTH', UINT, true], ['INDEX_LENGTH', UINT, true], ['DATA_FREE', UINT, true],
    ['AUTO_INCREMENT', UINT, true], ['CREATE_TIME', DATETIME, true], ['UPDATE_TIME', DATETIME, true],
    ['CHECK_TIME', DATETIME, true], ['TABLE_COLLATION', NAME, true], ['CHECKSUM', INT, true],
    ['CREATE_OPTIONS', NAME, true], ['TABLE_COMMENT', TEXT, true],
  ]),
  rows: (context) => [
    ...allTables(context).map(({ database, table }): Row => tableStatus(database.name, table)),
    ...context.systemTableNames.map((name): Row => [
      CATALOG, INFORMATION_SCHEMA_DATABASE, name, 'SYSTEM VIEW', null, 10n, null, null, null, null, null, null, null,
      null, null, null, null, 'utf8mb3_general_ci', null, '', '',
    ]),
  ],
};

/** One TABLES row (also what SHOW TABLE STATUS prints, from TABLE_NAME on). */
export function tableStatus(databaseName: string, table: TableInfo): Row {
  const created = MysqlDateTime.tryParse(table.createdAt.replace('T', ' ').replace(/\.\d+Z?$|Z$/, ''), 'datetime') ?? null;
  if (table.view) {
    return [CATALOG, databaseName, table.name, 'VIEW', null, null, null, null, null, null, null, null, null, null, created, null, null, null, null, null, 'VIEW'];
  }
  const autoIncrement = table.columns.some((column) => column.isAutoIncrement) ? 1n : null;
  return [
    CATALOG, databaseName, table.name, table.sequence ? 'SEQUENCE' : 'BASE TABLE', 'InnoDB', 10n, 'Dynamic', BigInt(table.stats?.rowCount ?? 0), 0n, 16384n, 0n, 0n, 0n, autoIncrement,
    created, null, null, table.collation, null, '', table.comment,
  ];
}

export const COLUMNS: SystemTable = {
  name: 'COLUMNS',
  columns: columns([
    ['TABLE_CATALOG', NAME], ['TABLE_SCHEMA', NAME], ['TABLE_NAME', NAME], ['COLUMN_NAME', NAME], ['ORDINAL_POSITION', UINT],
    ['COLUMN_DEFAULT', TEXT, true], ['IS_NULLABLE', NAME], ['DATA_TYPE', TEXT], ['CHARACTER_MAXIMUM_LENGTH', INT, true],
    ['CHARACTER_OCTET_LENGTH', INT, true], ['NUMERIC_PRECISION', UINT, true], ['NUMERIC_SCALE', UINT, true],
    ['DATETIME_PRECISION', UINT, true], ['CHARACTER_SET_NAME', NAME, true], ['COLLATION_NAME', NAME, true],
    ['COLUMN_TYPE', TEXT], ['COLUMN_KEY', NAME], ['EXTRA', NAME], ['PRIVILEGES', NAME], ['COLUMN_COMMENT', TEXT],
    ['GENERATION_EXPRESSION', TEXT], ['SRS_ID', UINT, true],
  ]),
  rows: (context) =>
    allTables(context).flatMap(({ database, table }) => shownColumns(table).map((column): Row => columnRow(database.name, table, column))),
};

const NUMERIC_PRECISION: Partial<Record<TypeKind, bigint>> = { tinyint: 3n, smallint: 5n, mediumint: 7n, int: 10n, bigint: 19n, float: 12n, double: 22n };

function columnRow(databaseName: string, table: TableInfo, column: ColumnInfo): Row {
  const type = column.type;
  const isText = isTextType(type);
  const isBinary = isBinaryType(type);
  const characters = blobMaxBytes[type.kind] ?? (isText || isBinary ? Math.max(type.length, type.kind === TypeKind.Char || type.kind === TypeKind.Binary ? 1 : 0) : undefined);
  const octets = characters === undefined ? null : BigInt(isText && blobMaxBytes[type.kind] === undefined ? characters * 4 : characters);
  let precision: SqlValue = null;
  let scale: SqlValue = null;
  if (type.kind === TypeKind.Decimal) {
    precision = BigInt(type.length < 0 ? 10 : type.length);
    scale = BigInt(Math.max(type.decimals, 0));
  } else if (NUMERIC_PRECISION[type.kind] !== undefined) {
    precision = type.kind === TypeKind.BigInt && type.isUnsigned ? 20n : NUMERIC_PRECISION[type.kind]!;
    scale = type.kind === TypeKind.Float || type.kind === TypeKind.Double ? (type.decimals >= 0 ? BigInt(type.decimals) : null) : 0n;
  } else if (type.kind === TypeKind.Bit) {
    precision = BigInt(bitWidth(type));
  }
  const hasFsp = type.kind === TypeKind.DateTime || type.kind === TypeKind.Timestamp || type.kind === TypeKind.Time;
  const extra = columnExtra(column, 'information_schema');
  return [
    CATALOG, databaseName, table.name, column.name, BigInt(column.offset + 1), defaultText(column), column.isNotNull ? 'NO' : 'YES',
    dataType(type), characters === undefined ? null : BigInt(characters), octets, precision, scale,
    hasFsp ? BigInt(Math.max(type.decimals, 0)) : type.kind === TypeKind.Date ? 0n : null,
    isText ? collationInfo(type.collation).charset : null, isText ? type.collation : null, formatFieldType(type), keyKind(table, column), extra,
    'select,insert,update,references', column.comment, column.generated?.expr ?? '', null,
  ];
}

/** COLUMNS.DATA_TYPE: the type's name without length or attributes. */
export function dataType(type: FieldType): string {
  return type.valueSet?.kind ?? type.kind;
}

export const STATISTICS: SystemTable = {
  name: 'STATISTICS',
  columns: columns([
    ['TABLE_CATALOG', NAME], ['TABLE_SCHEMA', NAME], ['TABLE_NAME', NAME], ['NON_UNIQUE', INT], ['INDEX_SCHEMA', NAME],
    ['INDEX_NAME', NAME, true], ['SEQ_IN_INDEX', UINT], ['COLUMN_NAME', NAME, true], ['COLLATION', NAME, true],
    ['CARDINALITY', INT, true], ['SUB_PART', INT, true], ['PACKED', NAME, true], ['NULLABLE', NAME], ['INDEX_TYPE', NAME],
    ['COMMENT', NAME], ['INDEX_COMMENT', NAME], ['IS_VISIBLE', NAME], ['EXPRESSION', TEXT, true],
  ]),
  rows: (context) =>
    allTables(context).flatMap(({ database, table }) =>
      table.indexes.flatMap((index) =>
        index.columnOffsets.map((offset, i): Row => {
          const column = table.columns[offset]!;
          const { name, expression } = indexPartSource(column);
          return [
            CATALOG, database.name, table.name, index.isUnique ? 0n : 1n, database.name, index.name, BigInt(i + 1), name,
            index.descending?.[i] === true ? 'D' : 'A', indexCardinality(table, index, i + 1), null, null, column.isNotNull ? '' : 'YES', 'BTREE', '', '', index.isInvisible === true ? 'NO' : 'YES', expression,
          ];
        }),
      ),
    ),
};

export const VIEWS: SystemTable = {
  name: 'VIEWS',
  columns: columns([
    ['TABLE_CATALOG', NAME], ['TABLE_SCHEMA', NAME], ['TABLE_NAME', NAME], ['VIEW_DEFINITION', TEXT, true],
    ['CHECK_OPTION', NAME, true], ['IS_UPDATABLE', NAME, true], ['DEFINER', NAME, true], ['SECURITY_TYPE', NAME, true],
    ['CHARACTER_SET_CLIENT', NAME], ['COLLATION_CONNECTION', NAME],
  ]),
  rows: (context) =>
    allTables(context)
      .filter(({ table }) => table.view !== undefined)
      .map(({ database, table }): Row => [
        CATALOG, database.name, table.name, table.view!.definition, table.view!.checkOption ?? 'NONE',
        table.view!.algorithm === 'TEMPTABLE' ? 'NO' : 'YES', 'root@%', 'DEFINER', 'utf8mb4', 'utf8mb4_bin',
      ]),
};

/** Stored routines and triggers do not exist yet; the tables are there, empty, for tools that read them. */
export const ROUTINES: SystemTable = {
  name: 'ROUTINES',
  columns: columns([
    ['SPECIFIC_NAME', NAME], ['ROUTINE_CATALOG', NAME], ['ROUTINE_SCHEMA', NAME], ['ROUTINE_NAME', NAME], ['ROUTINE_TYPE', NAME],
    ['DATA_TYPE', TEXT], ['CHARACTER_MAXIMUM_LENGTH', INT, true], ['CHARACTER_OCTET_LENGTH', INT, true],
    ['NUMERIC_PRECISION', UINT, true], ['NUMERIC_SCALE', UINT, true], ['DATETIME_PRECISION', UINT, true],
    ['CHARACTER_SET_NAME', NAME, true], ['COLLATION_NAME', NAME, true], ['DTD_IDENTIFIER', TEXT, true],
    ['ROUTINE_BODY', NAME], ['ROUTINE_DEFINITION', TEXT, true], ['EXTERNAL_NAME', NAME, true],
    ['EXTERNAL_LANGUAGE', NAME], ['PARAMETER_STYLE', NAME], ['IS_DETERMINISTIC', NAME], ['SQL_DATA_ACCESS', NAME],
    ['SQL_PATH', NAME, true], ['SECURITY_TYPE', NAME], ['CREATED', DATETIME], ['LAST_ALTERED', DATETIME], ['SQL_MODE', SHORT],
    ['ROUTINE_COMMENT', TEXT], ['DEFINER', NAME], ['CHARACTER_SET_CLIENT', NAME], ['COLLATION_CONNECTION', NAME],
    ['DATABASE_COLLATION', NAME],
  ]),
  rows: () => [],
};

export const TRIGGERS: SystemTable = {
  name: 'TRIGGERS',
  columns: columns([
    ['TRIGGER_CATALOG', NAME], ['TRIGGER_SCHEMA', NAME], ['TRIGGER_NAME', NAME], ['EVENT_MANIPULATION', NAME],
    ['EVENT_OBJECT_CATALOG', NAME], ['EVENT_OBJECT_SCHEMA', NAME], ['EVENT_OBJECT_TABLE', NAME], ['ACTION_ORDER', UINT],
    ['ACTION_CONDITION', TEXT, true], ['ACTION_STATEMENT', TEXT], ['ACTION_ORIENTATION', NAME], ['ACTION_TIMING', NAME],
    ['ACTION_REFERENCE_OLD_TABLE', NAME, true], ['ACTION_REFERENCE_NEW_TABLE', NAME, true],
    ['ACTION_REFERENCE_OLD_ROW', NAME], ['ACTION_REFERENCE_NEW_ROW', NAME], ['CREATED', DATETIME], ['SQL_MODE', SHORT],
    ['DEFINER', NAME], ['CHARACTER_SET_CLIENT', NAME], ['COLLATION_CONNECTION', NAME], ['DATABASE_COLLATION', NAME],
  ]),
  rows: () => [],
};

/** Tables are not partitioned: one row per base table with no partition, as MySQL lists unpartitioned tables. */
export const PARTITIONS: SystemTable = {
  name: 'PARTITIONS',
  columns: columns([
    ['TABLE_CATALOG', NAME], ['TABLE_SCHEMA', NAME], ['TABLE_NAME', NAME], ['PARTITION_NAME', NAME, true],
    ['SUBPARTITION_NAME', NAME, true], ['PARTITION_ORDINAL_POSITION', UINT, true], ['SUBPARTITION_ORDINAL_POSITION', UINT, true],
    ['PARTITION_METHOD', NAME, true], ['SUBPARTITION_METHOD', NAME, true], ['PARTITION_EXPRESSION', TEXT, true],
    ['SUBPARTITION_EXPRESSION', TEXT, true], ['PARTITION_DESCRIPTION', TEXT, true], ['TABLE_ROWS', UINT],
    ['AVG_ROW_LENGTH', UINT], ['DATA_LENGTH', UINT], ['MAX_DATA_LENGTH', UINT, true], ['INDEX_LENGTH', UINT],
    ['DATA_FREE', UINT], ['CREATE_TIME', DATETIME, true], ['UPDATE_TIME', DATETIME, true], ['CHECK_TIME', DATETIME, true],
    ['CHECKSUM', INT, true], ['PARTITION_COMMENT', TEXT], ['NODEGROUP', NAME, true], ['TABLESPACE_NAME', NAME, true],
  ]),
  rows: (context) =>
    allTables(context)
      .filter(({ table }) => table.view === undefined)
      .map(({ database, table }): Row => {
        const status = tableStatus(database.name, table);
        return [
          CATALOG, database.name, table.name, null, null, null, null, null, null, null, null, null, 0n, 0n, 16384n, null, 0n, 0n,
          status[14] ?? null, null, null, null, '', null, null,
        ];
      }),
};
