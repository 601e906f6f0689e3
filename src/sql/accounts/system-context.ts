// SystemContext: the ExecutionContext under which the server reads and writes its own system tables.
import type { KvTransaction } from '../../storage/kv.js';
import type { ExecutionContext } from '../execution-context.js';
import { ignoreWarnings } from '../types/index.js';
import type { SqlValue } from '../types/index.js';

/** Variables the executors may read, at their defaults (system statements never depend on a session's settings). */
const DEFAULT_VARIABLES: Readonly<Record<string, SqlValue>> = {
  div_precision_increment: 4n,
  group_concat_max_len: 1024n,
  max_allowed_packet: 67108864n,
};

/**
 * Runs internal statements in one transaction of its own. Row locks are not taken: every writer of the grant
 * tables goes through the account store's serial queue.
 */
export class SystemContext implements ExecutionContext {
  readonly lockingRead = undefined;
  readonly currentDatabase = 'mysql';
  readonly warnings = ignoreWarnings;
  readonly warningCount = 0;
  readonly isFoundRowsMode = false;
  readonly isStrictMode = true;
  readonly isOnlyFullGroupBy = false;
  readonly connectionId = 0;
  readonly user = 'system@localhost';
  readonly currentUser = 'system@localhost';
  readonly privilegeAccount = undefined;
  lastInsertId = 0n;

  constructor(private readonly txn: KvTransaction) {}

  transaction(): Promise<KvTransaction> {
    return Promise.resolve(this.txn);
  }

  lockKeys(): Promise<void> {
    return Promise.resolve();
  }

  systemVariable(name: string): SqlValue {
    return DEFAULT_VARIABLES[name.toLowerCase()] ?? null;
  }

  userVariable(): SqlValue {
    return null;
  }

  setUserVariable(): void {}
}
