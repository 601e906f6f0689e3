// The information_schema tables about the server rather than the schema: ENGINES, CHARACTER_SETS, COLLATIONS, and
// the ones the session layer fills in (PROCESSLIST, CLUSTER_PROCESSLIST, SESSION/GLOBAL_VARIABLES, SESSION/GLOBAL_STATUS).
import type { Row } from '../types/index.js';
import { INT, NAME, SHORT, TEXT, UINT, columns, sessionTable } from './system-table.js';
import { TypeKind, fieldType } from '../types/index.js';
import type { SystemTable } from './system-table.js';
import { CHARSETS, COLLATIONS as COLLATION_LIST } from '../collation/index.js';

/** MySQL's 'YES'/'NO' columns. */
const YES_NO = fieldType(TypeKind.VarChar, { length: 3 });

export const ENGINES: SystemTable = {
  name: 'ENGINES',
  columns: columns([
    ['ENGINE', NAME], ['SUPPORT', NAME], ['COMMENT', NAME], ['TRANSACTIONS', NAME, true], ['XA', NAME, true], ['SAVEPOINTS', NAME, true],
  ]),
  // Every table is stored the same transactional way; InnoDB is the name clients expect for it, as TiDB reports.
  rows: () => [['InnoDB', 'DEFAULT', 'Supports transactions, row-level locking, and foreign keys', 'YES', 'NO', 'YES']],
};

export const CHARACTER_SETS: SystemTable = {
  name: 'CHARACTER_SETS',
  columns: columns([['CHARACTER_SET_NAME', NAME], ['DEFAULT_COLLATE_NAME', NAME], ['DESCRIPTION', NAME], ['MAXLEN', UINT]]),
  rows: () => CHARSETS.map((charset): Row => [charset.name, charset.defaultCollation, charset.description, BigInt(charset.maxLength)]),
};

export const COLLATIONS: SystemTable = {
  name: 'COLLATIONS',
  columns: columns([
    ['COLLATION_NAME', NAME], ['CHARACTER_SET_NAME', NAME], ['ID', UINT], ['IS_DEFAULT', NAME], ['IS_COMPILED', NAME],
    ['SORTLEN', UINT], ['PAD_ATTRIBUTE', NAME],
  ]),
  rows: () => COLLATION_LIST.map((collation): Row => [
    collation.name, collation.charset, BigInt(collation.id), collation.isDefault ? 'Yes' : '', 'Yes', BigInt(collation.sortlen),
    collation.isPadSpace ? 'PAD SPACE' : 'NO PAD',
  ]),
};

export const COLLATION_CHARACTER_SET_APPLICABILITY: SystemTable = {
  name: 'COLLATION_CHARACTER_SET_APPLICABILITY',
  columns: columns([['COLLATION_NAME', NAME], ['CHARACTER_SET_NAME', NAME]]),
  rows: () => COLLATION_LIST.map((collation): Row => [collation.name, collation.charset]),
};

/** PROCESSLIST as TiDB has it (MySQL's eight columns), plus TLS: the connection's protocol and cipher, or ''. */
const PROCESSLIST_COLUMNS = [
  ['ID', UINT], ['USER', NAME], ['HOST', NAME], ['DB', NAME, true], ['COMMAND', NAME], ['TIME', INT], ['STATE', NAME, true],
  ['INFO', TEXT, true], ['TLS', NAME],
] as const;
export const PROCESSLIST = sessionTable('PROCESSLIST', PROCESSLIST_COLUMNS);

/** TiDB's CLUSTER_PROCESSLIST: every SQL node's connections, INSTANCE (the node's host:port) first. */
export const CLUSTER_PROCESSLIST = sessionTable('CLUSTER_PROCESSLIST', [['INSTANCE', NAME], ...PROCESSLIST_COLUMNS]);

/** The roles the reading account can use (MySQL 8.0.19's APPLICABLE_ROLES), from the session's account. */
export const APPLICABLE_ROLES = sessionTable('APPLICABLE_ROLES', [
  ['USER', NAME, true], ['HOST', NAME, true], ['GRANTEE', NAME, true], ['GRANTEE_HOST', NAME, true], ['ROLE_NAME', NAME, true],
  ['ROLE_HOST', NAME, true], ['IS_GRANTABLE', YES_NO], ['IS_DEFAULT', YES_NO, true], ['IS_MANDATORY', YES_NO],
]);

/** The roles active in the reading session (SET ROLE), with the roles granted to them. */
export const ENABLED_ROLES = sessionTable('ENABLED_ROLES', [['ROLE_NAME', NAME, true], ['ROLE_HOST', NAME, true], ['IS_DEFAULT', YES_NO, true], ['IS_MANDATORY', YES_NO]]);

const VARIABLE_COLUMNS = [['VARIABLE_NAME', NAME], ['VARIABLE_VALUE', SHORT, true]] as const;
export const SESSION_VARIABLES = sessionTable('SESSION_VARIABLES', VARIABLE_COLUMNS);
export const GLOBAL_VARIABLES = sessionTable('GLOBAL_VARIABLES', VARIABLE_COLUMNS);
export const SESSION_STATUS = sessionTable('SESSION_STATUS', VARIABLE_COLUMNS);
export const GLOBAL_STATUS = sessionTable('GLOBAL_STATUS', VARIABLE_COLUMNS);

/** Tablespace files: none (there are no tablespaces); mysqldump reads it before dumping. */
export const FILES: SystemTable = {
  name: 'FILES',
  columns: columns([
    ['FILE_ID', INT, true], ['FILE_NAME', TEXT, true], ['FILE_TYPE', NAME], ['TABLESPACE_NAME', NAME, true],
    ['TABLE_CATALOG', NAME], ['TABLE_SCHEMA', NAME, true], ['TABLE_NAME', NAME, true], ['LOGFILE_GROUP_NAME', NAME, true],
    ['LOGFILE_GROUP_NUMBER', INT, true], ['ENGINE', NAME], ['FULLTEXT_KEYS', NAME, true], ['DELETED_ROWS', NAME, true],
    ['UPDATE_COUNT', NAME, true], ['FREE_EXTENTS', INT, true], ['TOTAL_EXTENTS', INT, true], ['EXTENT_SIZE', INT],
    ['INITIAL_SIZE', UINT, true], ['MAXIMUM_SIZE', UINT, true], ['AUTOEXTEND_SIZE', UINT, true], ['CREATION_TIME', NAME, true],
    ['LAST_UPDATE_TIME', NAME, true], ['LAST_ACCESS_TIME', NAME, true], ['RECOVER_TIME', NAME, true],
    ['TRANSACTION_COUNTER', NAME, true], ['VERSION', UINT, true], ['ROW_FORMAT', NAME, true], ['TABLE_ROWS', NAME, true],
    ['AVG_ROW_LENGTH', NAME, true], ['DATA_LENGTH', NAME, true], ['MAX_DATA_LENGTH', NAME, true], ['INDEX_LENGTH', NAME, true],
    ['DATA_FREE', UINT, true], ['CREATE_TIME', NAME, true], ['UPDATE_TIME', NAME, true], ['CHECK_TIME', NAME, true],
    ['CHECKSUM', NAME, true], ['STATUS', NAME], ['EXTRA', NAME, true],
  ]),
  rows: () => [],
};
