// The server log tables of the `mysql` database, created empty at bootstrap: TidalDB never logs to tables, but
// tools expect them (mysqldump --all-databases dumps their structure unconditionally).
// Layout as MySQL 8.0's (https://dev.mysql.com/doc/refman/8.0/en/log-destinations.html); nothing writes rows to them.

/** CREATE TABLE statements for mysql.general_log and mysql.slow_log. */
export const LOG_TABLE_DDL: readonly { readonly name: string; readonly sql: string }[] = [
  {
    name: 'general_log',
    sql: `CREATE TABLE mysql.general_log (
  event_time TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  user_host MEDIUMTEXT NOT NULL,
  thread_id BIGINT UNSIGNED NOT NULL,
  server_id INT UNSIGNED NOT NULL,
  command_type VARCHAR(64) NOT NULL,
  argument MEDIUMBLOB NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='General log'`,
  },
  {
    name: 'slow_log',
    sql: `CREATE TABLE mysql.slow_log (
  start_time TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  user_host MEDIUMTEXT NOT NULL,
  query_time TIME(6) NOT NULL,
  lock_time TIME(6) NOT NULL,
  rows_sent INT NOT NULL,
  rows_examined INT NOT NULL,
  db VARCHAR(512) NOT NULL,
  last_insert_id INT NOT NULL,
  insert_id INT NOT NULL,
  server_id INT UNSIGNED NOT NULL,
  sql_text MEDIUMBLOB NOT NULL,
  thread_id BIGINT UNSIGNED NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='Slow log'`,
  },
];
