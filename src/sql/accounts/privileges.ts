// Privilege names as GRANT writes them, the columns of mysql.user / mysql.db that store them, and which levels take them.

/** One privilege: its GRANT name, its `*_priv` column, and whether it exists below the global level. */
interface PrivilegeSpec {
  readonly name: string;
  readonly column: string;
  /** Database-level (mysql.db) and, when `isTableLevel`, table-level (mysql.tables_priv) grants take it too. */
  readonly isDatabaseLevel: boolean;
  readonly isTableLevel: boolean;
}

const spec = (name: string, column: string, isDatabaseLevel: boolean, isTableLevel: boolean): PrivilegeSpec => ({
  name,
  column: `${column}_priv`,
  isDatabaseLevel,
  isTableLevel,
});

/** MySQL 8's static privileges in mysql.user's column order. */
export const PRIVILEGES: readonly PrivilegeSpec[] = [
  spec('SELECT', 'Select', true, true),
  spec('INSERT', 'Insert', true, true),
  spec('UPDATE', 'Update', true, true),
  spec('DELETE', 'Delete', true, true),
  spec('CREATE', 'Create', true, true),
  spec('DROP', 'Drop', true, true),
  spec('RELOAD', 'Reload', false, false),
  spec('SHUTDOWN', 'Shutdown', false, false),
  spec('PROCESS', 'Process', false, false),
  spec('FILE', 'File', false, false),
  spec('GRANT OPTION', 'Grant', true, true),
  spec('REFERENCES', 'References', true, true),
  spec('INDEX', 'Index', true, true),
  spec('ALTER', 'Alter', true, true),
  spec('SHOW DATABASES', 'Show_db', false, false),
  spec('SUPER', 'Super', false, false),
  spec('CREATE TEMPORARY TABLES', 'Create_tmp_table', true, false),
  spec('LOCK TABLES', 'Lock_tables', true, false),
  spec('EXECUTE', 'Execute', true, false),
  spec('REPLICATION SLAVE', 'Repl_slave', false, false),
  spec('REPLICATION CLIENT', 'Repl_client', false, false),
  spec('CREATE VIEW', 'Create_view', true, true),
  spec('SHOW VIEW', 'Show_view', true, true),
  spec('CREATE ROUTINE', 'Create_routine', true, false),
  spec('ALTER ROUTINE', 'Alter_routine', true, false),
  spec('CREATE USER', 'Create_user', false, false),
  spec('EVENT', 'Event', true, false),
  spec('TRIGGER', 'Trigger', true, true),
  spec('CREATE TABLESPACE', 'Create_tablespace', false, false),
];

export const PRIVILEGE_BY_NAME: ReadonlyMap<string, PrivilegeSpec> = new Map(PRIVILEGES.map((p) => [p.name, p]));

/** The privileges a level can hold, in column order. */
export function privilegesAt(level: 'global' | 'database' | 'table'): readonly PrivilegeSpec[] {
  if (level === 'global') return PRIVILEGES;
  return PRIVILEGES.filter((p) => (level === 'database' ? p.isDatabaseLevel : p.isTableLevel));
}

/** Privileges held as a set of GRANT names. */
export type PrivilegeSet = ReadonlySet<string>;
