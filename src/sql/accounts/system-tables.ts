// The grant tables of the `mysql` system database (role_edges and default_roles hold MySQL 8's roles), created at bootstrap, in MySQL's layout (the columns TidalDB uses);
// names compare exactly (utf8mb4_bin, as MySQL's utf8_bin), whatever the server's default collation.
import { privilegesAt } from './privileges.js';

const privColumns = (level: 'global' | 'database'): string =>
  privilegesAt(level)
    .map((p) => `\`${p.column}\` CHAR(1) NOT NULL DEFAULT 'N'`)
    .join(',\n  ');

/** mysql.user's resource-limit columns, in the order of `ResourceLimits`' fields. */
export const RESOURCE_LIMIT_COLUMNS = ['max_questions', 'max_updates', 'max_connections', 'max_user_connections'] as const;

/** CREATE TABLE statements for the grant tables, in creation order. */
export const SYSTEM_TABLE_DDL: readonly { readonly name: string; readonly sql: string }[] = [
  {
    name: 'user',
    sql: `CREATE TABLE mysql.user (
  Host VARCHAR(255) NOT NULL DEFAULT '',
  User VARCHAR(32) NOT NULL DEFAULT '',
  ${privColumns('global')},
  ssl_type VARCHAR(9) NOT NULL DEFAULT '',
  ssl_cipher VARCHAR(1024) NOT NULL DEFAULT '',
  x509_issuer VARCHAR(1024) NOT NULL DEFAULT '',
  x509_subject VARCHAR(1024) NOT NULL DEFAULT '',
  x509_san VARCHAR(1024) NOT NULL DEFAULT '',
  plugin VARCHAR(64) NOT NULL DEFAULT 'caching_sha2_password',
  authentication_string TEXT,
  password_expired CHAR(1) NOT NULL DEFAULT 'N',
  account_locked CHAR(1) NOT NULL DEFAULT 'N',
  failed_login_attempts INT UNSIGNED NOT NULL DEFAULT 0,
  password_lock_time INT NOT NULL DEFAULT 0,
  ${RESOURCE_LIMIT_COLUMNS.map((column) => `${column} INT UNSIGNED NOT NULL DEFAULT 0`).join(',\n  ')},
  PRIMARY KEY (Host, User)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  },
  {
    name: 'db',
    sql: `CREATE TABLE mysql.db (
  Host VARCHAR(255) NOT NULL DEFAULT '',
  Db VARCHAR(64) NOT NULL DEFAULT '',
  User VARCHAR(32) NOT NULL DEFAULT '',
  ${privColumns('database')},
  PRIMARY KEY (Host, Db, User)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  },
  {
    name: 'tables_priv',
    sql: `CREATE TABLE mysql.tables_priv (
  Host VARCHAR(255) NOT NULL DEFAULT '',
  Db VARCHAR(64) NOT NULL DEFAULT '',
  User VARCHAR(32) NOT NULL DEFAULT '',
  Table_name VARCHAR(64) NOT NULL DEFAULT '',
  Grantor VARCHAR(288) NOT NULL DEFAULT '',
  Table_priv VARCHAR(1024) NOT NULL DEFAULT '',
  Column_priv VARCHAR(1024) NOT NULL DEFAULT '',
  PRIMARY KEY (Host, Db, User, Table_name)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  },
  {
    name: 'role_edges',
    sql: `CREATE TABLE mysql.role_edges (
  FROM_HOST VARCHAR(255) NOT NULL DEFAULT '',
  FROM_USER VARCHAR(32) NOT NULL DEFAULT '',
  TO_HOST VARCHAR(255) NOT NULL DEFAULT '',
  TO_USER VARCHAR(32) NOT NULL DEFAULT '',
  WITH_ADMIN_OPTION ENUM('N','Y') NOT NULL DEFAULT 'N',
  PRIMARY KEY (FROM_HOST, FROM_USER, TO_HOST, TO_USER)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  },
  {
    name: 'default_roles',
    sql: `CREATE TABLE mysql.default_roles (
  HOST VARCHAR(255) NOT NULL DEFAULT '',
  USER VARCHAR(32) NOT NULL DEFAULT '',
  DEFAULT_ROLE_HOST VARCHAR(255) NOT NULL DEFAULT '%',
  DEFAULT_ROLE_USER VARCHAR(32) NOT NULL DEFAULT '',
  PRIMARY KEY (HOST, USER, DEFAULT_ROLE_HOST, DEFAULT_ROLE_USER)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  },
];
