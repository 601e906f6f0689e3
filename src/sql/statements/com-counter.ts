// The Com_* status counters: one per kind of statement or command, named as MySQL 8.0 names them.
//
// MySQL lists every one of them in SHOW STATUS (0 when nothing of that kind ran), and monitoring tools read them by
// name, so the whole list is kept even where TidalDB has no such statement yet.
// See https://dev.mysql.com/doc/refman/8.0/en/server-status-variables.html#statvar_Com_xxx.

export const COM_COUNTERS = [
  'Com_admin_commands', 'Com_alter_db', 'Com_alter_event', 'Com_alter_function', 'Com_alter_instance',
  'Com_alter_procedure', 'Com_alter_resource_group', 'Com_alter_server', 'Com_alter_table', 'Com_alter_tablespace',
  'Com_alter_user', 'Com_alter_user_default_role', 'Com_analyze', 'Com_assign_to_keycache', 'Com_begin', 'Com_binlog',
  'Com_call_procedure', 'Com_change_db', 'Com_change_master', 'Com_change_repl_filter', 'Com_change_replication_source',
  'Com_check', 'Com_checksum', 'Com_clone', 'Com_commit', 'Com_create_db', 'Com_create_event', 'Com_create_function',
  'Com_create_index', 'Com_create_procedure', 'Com_create_resource_group', 'Com_create_role', 'Com_create_server',
  'Com_create_spatial_reference_system', 'Com_create_table', 'Com_create_trigger', 'Com_create_udf', 'Com_create_user',
  'Com_create_view', 'Com_dealloc_sql', 'Com_delete', 'Com_delete_multi', 'Com_do', 'Com_drop_db', 'Com_drop_event',
  'Com_drop_function', 'Com_drop_index', 'Com_drop_procedure', 'Com_drop_resource_group', 'Com_drop_role',
  'Com_drop_server', 'Com_drop_spatial_reference_system', 'Com_drop_table', 'Com_drop_trigger', 'Com_drop_user',
  'Com_drop_view', 'Com_empty_query', 'Com_execute_sql', 'Com_explain_other', 'Com_flush', 'Com_get_diagnostics',
  'Com_grant', 'Com_grant_roles', 'Com_ha_close', 'Com_ha_open', 'Com_ha_read', 'Com_help', 'Com_import',
  'Com_insert', 'Com_insert_select', 'Com_install_component', 'Com_install_plugin', 'Com_kill', 'Com_load',
  'Com_lock_instance', 'Com_lock_tables', 'Com_optimize', 'Com_preload_keys', 'Com_prepare_sql', 'Com_purge',
  'Com_purge_before_date', 'Com_release_savepoint', 'Com_rename_table', 'Com_rename_user', 'Com_repair',
  'Com_replace', 'Com_replace_select', 'Com_replica_start', 'Com_replica_stop', 'Com_reset', 'Com_resignal',
  'Com_restart', 'Com_revoke', 'Com_revoke_all', 'Com_revoke_roles', 'Com_rollback', 'Com_rollback_to_savepoint',
  'Com_savepoint', 'Com_select', 'Com_set_option', 'Com_set_password', 'Com_set_resource_group', 'Com_set_role',
  'Com_show_binlog_events', 'Com_show_binlogs', 'Com_show_charsets', 'Com_show_collations', 'Com_show_create_db',
  'Com_show_create_event', 'Com_show_create_func', 'Com_show_create_proc', 'Com_show_create_table',
  'Com_show_create_trigger', 'Com_show_create_user', 'Com_show_databases', 'Com_show_engine_logs',
  'Com_show_engine_mutex', 'Com_show_engine_status', 'Com_show_errors', 'Com_show_events', 'Com_show_fields',
  'Com_show_function_code', 'Com_show_function_status', 'Com_show_grants', 'Com_show_keys',
  'Com_show_master_status', 'Com_show_open_tables', 'Com_show_plugins', 'Com_show_privileges',
  'Com_show_procedure_code', 'Com_show_procedure_status', 'Com_show_processlist', 'Com_show_profile',
  'Com_show_profiles', 'Com_show_relaylog_events', 'Com_show_replica_status', 'Com_show_replicas',
  'Com_show_slave_hosts', 'Com_show_slave_status', 'Com_show_status', 'Com_show_storage_engines',
  'Com_show_table_status', 'Com_show_tables', 'Com_show_triggers', 'Com_show_variables', 'Com_show_warnings',
  'Com_shutdown', 'Com_signal', 'Com_slave_start', 'Com_slave_stop', 'Com_stmt_close', 'Com_stmt_execute',
  'Com_stmt_fetch', 'Com_stmt_prepare', 'Com_stmt_reprepare', 'Com_stmt_reset', 'Com_stmt_send_long_data',
  'Com_truncate', 'Com_uninstall_component', 'Com_uninstall_plugin', 'Com_unlock_instance', 'Com_unlock_tables',
  'Com_update', 'Com_update_multi', 'Com_xa_commit', 'Com_xa_end', 'Com_xa_prepare', 'Com_xa_recover',
  'Com_xa_rollback', 'Com_xa_start',
] as const;

/** The name of one Com_* counter, e.g. `Com_select`. */
export type ComCounter = (typeof COM_COUNTERS)[number];
