// Account management statement nodes: CREATE/ALTER/DROP/RENAME USER, SET PASSWORD, GRANT, REVOKE.
import type { StmtBase } from './query.js';
import type { UserSpec } from './ddl-stmt.js';

/** How an account authenticates: `IDENTIFIED [WITH plugin] [BY 'password' | AS 'hash']`. */
export interface AccountAuth {
  readonly plugin?: string;
  /** The cleartext password of `BY '…'`; hashed before anything stores it. */
  readonly password?: string;
  /** The stored authentication string of `AS '…'`. */
  readonly hash?: string;
}

/** One account of CREATE/ALTER USER with its optional authentication. */
export interface AccountSpec {
  readonly user: UserSpec;
  readonly auth?: AccountAuth;
}

/** `REQUIRE NONE | SSL | X509 | ISSUER '…' AND SUBJECT '…' AND CIPHER '…' AND SAN '…'`. */
export type TlsRequirement =
  | { readonly type: 'NONE' }
  | { readonly type: 'SSL' }
  | { readonly type: 'X509' }
  | {
      readonly type: 'SPECIFIED';
      readonly issuer?: string;
      readonly subject?: string;
      readonly cipher?: string;
      readonly san?: string;
    };

/**
 * MySQL's per-account resource limits (`WITH MAX_QUERIES_PER_HOUR n …`), named after their mysql.user columns; 0 is
 * no limit. https://dev.mysql.com/doc/refman/8.0/en/user-resources.html
 */
export interface ResourceLimits {
  /** MAX_QUERIES_PER_HOUR: statements an account may run per hour. */
  readonly maxQuestions: number;
  /** MAX_UPDATES_PER_HOUR: statements that change data or schema per hour. */
  readonly maxUpdates: number;
  /** MAX_CONNECTIONS_PER_HOUR: logins per hour. */
  readonly maxConnections: number;
  /** MAX_USER_CONNECTIONS: simultaneous connections (0: the global max_user_connections applies). */
  readonly maxUserConnections: number;
}

/** The account options after the account list; only those written are set. */
export interface AccountOptions {
  readonly tls?: TlsRequirement;
  /** The limits `WITH …` names. */
  readonly resourceLimits?: Partial<ResourceLimits>;
  readonly isLocked?: boolean;
  readonly failedLoginAttempts?: number;
  /** Days, or 'UNBOUNDED' (locked until unlocked). */
  readonly passwordLockTime?: number | 'UNBOUNDED';
}

export interface CreateUserStmt extends StmtBase {
  readonly kind: 'CreateUserStmt';
  readonly ifNotExists: boolean;
  readonly accounts: readonly AccountSpec[];
  readonly options: AccountOptions;
}

export interface AlterUserStmt extends StmtBase {
  readonly kind: 'AlterUserStmt';
  readonly ifExists: boolean;
  readonly accounts: readonly AccountSpec[];
  readonly options: AccountOptions;
}

export interface DropUserStmt extends StmtBase {
  readonly kind: 'DropUserStmt';
  readonly ifExists: boolean;
  readonly users: readonly UserSpec[];
}

export interface RenameUserStmt extends StmtBase {
  readonly kind: 'RenameUserStmt';
  readonly pairs: readonly { readonly from: UserSpec; readonly to: UserSpec }[];
}

/** `SET PASSWORD [FOR user] = 'password'`. */
export interface SetPasswordStmt extends StmtBase {
  readonly kind: 'SetPasswordStmt';
  readonly user?: UserSpec;
  readonly password: string;
}

/** What a GRANT/REVOKE applies to: `*.*`, `db.*` (db undefined: the current database) or `db.table`. */
export type GrantLevel =
  | { readonly kind: 'global' }
  | { readonly kind: 'database'; readonly db?: string }
  | { readonly kind: 'table'; readonly db?: string; readonly table: string };

/** `GRANT priv, … ON level TO user, … [WITH GRANT OPTION]`; privileges are upper-case names ('ALL' for ALL). */
export interface GrantStmt extends StmtBase {
  readonly kind: 'GrantStmt';
  readonly privileges: readonly string[];
  readonly level: GrantLevel;
  readonly users: readonly UserSpec[];
  readonly withGrantOption: boolean;
}

/** `REVOKE priv, … ON level FROM user, …` and `REVOKE ALL PRIVILEGES, GRANT OPTION FROM user, …` (level absent). */
export interface RevokeStmt extends StmtBase {
  readonly kind: 'RevokeStmt';
  readonly privileges: readonly string[];
  readonly level?: GrantLevel;
  readonly users: readonly UserSpec[];
}
