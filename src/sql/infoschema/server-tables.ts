// The information_schema tables about the server rather than the schema: ENGINES, CHARACTER_SETS, COLLATIONS, and
// the ones the session layer fills in (PROCESSLIST, SESSION/GLOBAL_VARIABLES, SESSION/GLOBAL_STATUS).
import type { Row } from '../types/index.js';
import { INT, NAME, SHORT, TEXT, UINT, columns, sessionTable } from './system-table.js';
import type { SystemTable } from './system-table.js';

export const ENGINES: SystemTable = {
  name: 'ENGINES',
  columns: columns([
    ['ENGINE', NAME], ['SUPPORT', NAME], ['COMMENT', NAME], ['TRANSACTIONS', NAME, true], ['XA', NAME, true], ['SAVEPOINTS', NAME, true],
  ]),
  // Every table is stored the same transactional way; InnoDB is the name clients expect for it, as TiDB reports.
  rows: () => [['InnoDB', 'DEFAULT', 'Supports transactions, row-level locking, and foreign keys', 'YES', 'NO', 'YES']],
};

/** The character sets and collations TidalDB implements: MySQL's id, names, default flag and maximum length. */
const COLLATION_LIST: readonly { name: string; charset: string; id: bigint; isDefault: boolean }[] = [
  { name: 'binary', charset: 'binary', id: 63n, isDefault: true },
  { name: 'utf8mb4_bin', charset: 'utf8mb4', id: 46n, isDefault: true },
  { name: 'utf8mb4_general_ci', charset: 'utf8mb4', id: 45n, isDefault: false },
];
const CHARSET_LIST: readonly { name: string; description: string; maxLength: bigint }[] = [
  { name: 'binary', description: 'Binary pseudo charset', maxLength: 1n },
  { name: 'utf8mb4', description: 'UTF-8 Unicode', maxLength: 4n },
];

export const CHARACTER_SETS: SystemTable = {
  name: 'CHARACTER_SETS',
  columns: columns([['CHARACTER_SET_NAME', NAME], ['DEFAULT_COLLATE_NAME', NAME], ['DESCRIPTION', NAME], ['MAXLEN', UINT]]),
  rows: () => CHARSET_LIST.map((charset): Row => [
    charset.name,
    COLLATION_LIST.find((collation) => collation.charset === charset.name && collation.isDefault)!.name,
    charset.description,
    charset.maxLength,
  ]),
};

export const COLLATIONS: SystemTable = {
  name: 'COLLATIONS',
  columns: columns([
    ['COLLATION_NAME', NAME], ['CHARACTER_SET_NAME', NAME], ['ID', UINT], ['IS_DEFAULT', NAME], ['IS_COMPILED', NAME],
    ['SORTLEN', UINT], ['PAD_ATTRIBUTE', NAME],
  ]),
  rows: () => COLLATION_LIST.map((collation): Row => [
    collation.name, collation.charset, collation.id, collation.isDefault ? 'Yes' : '', 'Yes', 1n,
    collation.charset === 'binary' ? 'NO PAD' : 'PAD SPACE',
  ]),
};

export const COLLATION_CHARACTER_SET_APPLICABILITY: SystemTable = {
  name: 'COLLATION_CHARACTER_SET_APPLICABILITY',
  columns: columns([['COLLATION_NAME', NAME], ['CHARACTER_SET_NAME', NAME]]),
  rows: () => COLLATION_LIST.map((collation): Row => [collation.name, collation.charset]),
};

/** PROCESSLIST as TiDB has it (MySQL's eight columns), plus TLS: the connection's protocol and cipher, or ''. */
export const PROCESSLIST = sessionTable('PROCESSLIST', [
  ['ID', UINT], ['USER', NAME], ['HOST', NAME], ['DB', NAME, true], ['COMMAND', NAME], ['TIME', INT], ['STATE', NAME, true],
  ['INFO', TEXT, true], ['TLS', NAME],
]);

const VARIABLE_COLUMNS = [['VARIABLE_NAME', NAME], ['VARIABLE_VALUE', SHORT, true]] as const;
export const SESSION_VARIABLES = sessionTable('SESSION_VARIABLES', VARIABLE_COLUMNS);
export const GLOBAL_VARIABLES = sessionTable('GLOBAL_VARIABLES', VARIABLE_COLUMNS);
export const SESSION_STATUS = sessionTable('SESSION_STATUS', VARIABLE_COLUMNS);
export const GLOBAL_STATUS = sessionTable('GLOBAL_STATUS', VARIABLE_COLUMNS);
