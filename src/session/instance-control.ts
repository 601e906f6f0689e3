// InstanceControl: the server-wide actions of ALTER INSTANCE, which the server implements and sessions only invoke.
import type { MySqlError } from '../errors/index.js';

/** Server operations a statement may trigger; the session layer knows only this contract. */
export interface InstanceControl {
  /**
   * `ALTER INSTANCE RELOAD TLS [NO ROLLBACK ON ERROR]`
   * (https://dev.mysql.com/doc/refman/8.0/en/alter-instance.html, TiDB's semantics): reloads the configured
   * certificate, key, CA and CRL for new connections; existing connections keep theirs. On failure it throws a
   * MySqlError and keeps the old material, unless `noRollbackOnError`, which disables TLS for new connections and
   * returns the failure as a warning instead (TiDB still throws when require_secure_transport is ON).
   */
  reloadTls(noRollbackOnError: boolean): readonly MySqlError[];
}
