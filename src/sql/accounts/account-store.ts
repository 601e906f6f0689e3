// AccountStore: accounts and grants, durable in the mysql grant tables and cached in memory for logins and checks.
import type { KvEngine } from '../../storage/kv.js';
import { beginTransaction } from '../../storage/index.js';
import type { ResourceLimits, Statement, TlsRequirement } from '../ast/index.js';
import type { Catalog } from '../catalog/index.js';
import { SerialQueue } from '../catalog/serial-queue.js';
import type { ExecutionContext } from '../execution-context.js';
import { formatString, parseSql } from '../parser/index.js';
import type { Row, SqlValue } from '../types/index.js';
import type { StatementResult } from '../statement-result.js';
import { DEFAULT_AUTH_PLUGIN, LOCK_TIME_UNBOUNDED, NO_RESOURCE_LIMITS } from './account.js';
import type { Account, AuthStringFactory } from './account.js';
import { compareAccountSpecificity, hostMatches } from './host-pattern.js';
import { PRIVILEGES, privilegesAt } from './privileges.js';
import type { PrivilegeSet } from './privileges.js';
import { LOG_TABLE_DDL } from './log-tables.js';
import { RESOURCE_LIMIT_COLUMNS, SYSTEM_TABLE_DDL } from './system-tables.js';
import { SystemContext } from './system-context.js';
import { FailedLogins } from './failed-logins.js';

/** Runs one parsed statement (the SQL engine's execute), so that the store reads and writes tables like any client. */
export type StatementRunner = (stmt: Statement, context: ExecutionContext) => Promise<StatementResult>;

/** Privileges on one database (mysql.db). */
export interface DatabaseGrant {
  readonly user: string;
  readonly host: string;
  readonly db: string;
  readonly privileges: PrivilegeSet;
}

/** Privileges on one table (mysql.tables_priv). */
export interface TableGrant {
  readonly user: string;
  readonly host: string;
  readonly db: string;
  readonly table: string;
  readonly grantor: string;
  readonly privileges: PrivilegeSet;
}

/** A role granted to an account or role (mysql.role_edges: FROM is the role, TO the grantee). */
export interface RoleEdge {
  readonly from: AuthId;
  readonly to: AuthId;
  readonly withAdminOption: boolean;
}

/** One default role of an account (mysql.default_roles). */
export interface DefaultRole {
  readonly account: AuthId;
  readonly role: AuthId;
}

/** An account or role name. */
export interface AuthId {
  readonly user: string;
  readonly host: string;
}

/** The values of mysql.tables_priv.Table_priv's SET, by GRANT name. */
const TABLE_PRIV_VALUES: Readonly<Record<string, string>> = {
  SELECT: 'Select',
  INSERT: 'Insert',
  UPDATE: 'Update',
  DELETE: 'Delete',
  CREATE: 'Create',
  DROP: 'Drop',
  'GRANT OPTION': 'Grant',
  REFERENCES: 'References',
  INDEX: 'Index',
  ALTER: 'Alter',
  'CREATE VIEW': 'Create View',
  'SHOW VIEW': 'Show view',
  TRIGGER: 'Trigger',
};
const TABLE_PRIV_NAMES: ReadonlyMap<string, string> = new Map(Object.entries(TABLE_PRIV_VALUES).map(([name, value]) => [value.toLowerCase(), name]));

const USER_COLUMNS = [
  'Host',
  'User',
  'plugin',
  'authentication_string',
  'ssl_type',
  'ssl_cipher',
  'x509_issuer',
  'x509_subject',
  'x509_san',
  'account_locked',
  'failed_login_attempts',
  'password_lock_time',
  ...RESOURCE_LIMIT_COLUMNS,
  ...PRIVILEGES.map((p) => p.column),
];
const USER_FIXED_COLUMNS = 16;
/**
 * root@% authenticates as TiDB bootstraps it, with mysql_native_password (the plugin the handshake announces), so a
 * password set by --initialize-root-password works on plain connections even without an RSA key pair.
 */
const ROOT_AUTH_PLUGIN = 'mysql_native_password';
const DB_PRIVILEGES = privilegesAt('database');

/** The fields of a mysql.user row an account statement writes. */
export interface AccountRow {
  readonly user: string;
  readonly host: string;
  readonly plugin: string;
  readonly authString: string;
  readonly tls: TlsRequirement;
  readonly isLocked: boolean;
  readonly failedLoginAttempts: number;
  readonly passwordLockTime: number;
  readonly privileges: PrivilegeSet;
  readonly limits: ResourceLimits;
}

/** Writes to the grant tables inside one transaction; the store reloads its cache after the commit. */
export interface GrantTableWriter {
  insertAccount(row: AccountRow): Promise<void>;
  updateAccount(user: string, host: string, row: AccountRow): Promise<void>;
  /** Deletes the account and every grant it holds. */
  deleteAccount(user: string, host: string): Promise<void>;
  /** Moves the account and its grants to a new name. */
  renameAccount(from: { user: string; host: string }, to: { user: string; host: string }): Promise<void>;
  /** Replaces the privileges on `db` (an empty set deletes the row). */
  setDatabaseGrant(user: string, host: string, db: string, privileges: PrivilegeSet): Promise<void>;
  /** Replaces the privileges on `db.table` (an empty set deletes the row). */
  setTableGrant(user: string, host: string, db: string, table: string, grantor: string, privileges: PrivilegeSet): Promise<void>;
  /** Grants `role` to `grantee` (or changes its admin option). */
  setRoleEdge(role: AuthId, grantee: AuthId, withAdminOption: boolean): Promise<void>;
  deleteRoleEdge(role: AuthId, grantee: AuthId): Promise<void>;
  /** Replaces the default roles of `account`. */
  setDefaultRoles(account: AuthId, roles: readonly AuthId[]): Promise<void>;
}

const yn = (flag: boolean): string => (flag ? "'Y'" : "'N'");
const q = formatString;
/** Matches one end (FROM: the role, TO: the grantee) of a mysql.role_edges row. */
const edgeEnd = (end: 'FROM' | 'TO', id: AuthId): string => `${end}_USER = ${q(id.user)} AND ${end}_HOST = ${q(id.host)}`;
/** Same account name: users compare exactly, hosts without case (as MySQL does). */
export const sameId = (a: AuthId, b: AuthId): boolean => a.user === b.user && a.host.toLowerCase() === b.host.toLowerCase();

function sslType(tls: TlsRequirement): string {
  return tls.type === 'NONE' ? '' : tls.type === 'SSL' ? 'ANY' : tls.type;
}

function tlsFromRow(type: string, cipher: string, issuer: string, subject: string, san: string): TlsRequirement {
  if (type === 'ANY') return { type: 'SSL' };
  if (type === 'X509') return { type: 'X509' };
  if (type !== 'SPECIFIED') return { type: 'NONE' };
  return {
    type: 'SPECIFIED',
    ...(issuer !== '' && { issuer }),
    ...(subject !== '' && { subject }),
    ...(cipher !== '' && { cipher }),
    ...(san !== '' && { san }),
  };
}

function userRowValues(row: AccountRow): string[] {
  const tls: { cipher?: string; issuer?: string; subject?: string; san?: string } = row.tls.type === 'SPECIFIED' ? row.tls : {};
  return [
    q(row.host),
    q(row.user),
    q(row.plugin),
    q(row.authString),
    q(sslType(row.tls)),
    q(tls.cipher ?? ''),
    q(tls.issuer ?? ''),
    q(tls.subject ?? ''),
    q(tls.san ?? ''),
    yn(row.isLocked),
    String(row.failedLoginAttempts),
    String(row.passwordLockTime),
    String(row.limits.maxQuestions),
    String(row.limits.maxUpdates),
    String(row.limits.maxConnections),
    String(row.limits.maxUserConnections),
    ...PRIVILEGES.map((p) => yn(row.privileges.has(p.name))),
  ];
}

const str = (value: SqlValue | undefined): string =>
  value === null || value === undefined ? '' : Buffer.isBuffer(value) ? value.toString('latin1') : typeof value === 'string' ? value : value.toString();

/** The accounts and grants of one server. Reads are synchronous from memory; writes are serialised. */
export class AccountStore {
  private accounts: Account[] = [];
  private databaseGrants: DatabaseGrant[] = [];
  private tableGrants: TableGrant[] = [];
  private roleEdges: RoleEdge[] = [];
  private defaultRoles: DefaultRole[] = [];
  private readonly queue = new SerialQueue();
  private writeCount = 0;
  /** Consecutive failed logins of accounts with FAILED_LOGIN_ATTEMPTS and PASSWORD_LOCK_TIME. */
  readonly failedLogins = new FailedLogins();

  constructor(
    private readonly kv: KvEngine,
    private readonly catalog: Catalog,
    private readonly run: StatementRunner,
    readonly authStrings: AuthStringFactory,
  ) {}

  /**
   * Creates the grant tables, the (empty) log tables and the bootstrap account `root@%` on first start (with `rootPassword`, or none as
   * TiDB starts), then loads the cache. Returns true when it bootstrapped.
   */
  async bootstrap(rootPassword: string | undefined): Promise<boolean> {
    let isFirstStart = false;
    // Each missing table is created, so a data directory from an older version gains the tables added since.
    for (const table of [...SYSTEM_TABLE_DDL, ...LOG_TABLE_DDL]) {
      if (this.catalog.findTable('mysql', table.name)) continue;
      isFirstStart ||= table.name === 'user';
      await this.withContext((context) => this.exec(table.sql, context));
    }
    // A mysql.user made before resource limits existed gains their columns.
    const missingLimits = RESOURCE_LIMIT_COLUMNS.filter((column) => !this.catalog.findTable('mysql', 'user')?.columns.some((c) => c.name === column));
    for (const column of missingLimits) {
      await this.withContext((context) => this.exec(`ALTER TABLE mysql.user ADD COLUMN ${column} INT UNSIGNED NOT NULL DEFAULT 0`, context));
    }
    if (isFirstStart) {
      const password = rootPassword ?? '';
      await this.write((writer) =>
        writer.insertAccount({
          user: 'root',
          host: '%',
          plugin: ROOT_AUTH_PLUGIN,
          authString: this.authStrings.hash(ROOT_AUTH_PLUGIN, password),
          tls: { type: 'NONE' },
          isLocked: false,
          failedLoginAttempts: 0,
          passwordLockTime: 0,
          privileges: new Set(PRIVILEGES.map((p) => p.name)),
          limits: NO_RESOURCE_LIMITS,
        }),
      );
    } else {
      await this.reload();
    }
    return isFirstStart;
  }

  /** Every account, most specific first (the order logins try them in). */
  list(): readonly Account[] {
    return this.accounts;
  }

  /** The account a client `user` connecting from `clientHost` logs in as: the first match in specificity order. */
  match(user: string, clientHost: string): Account | undefined {
    return this.accounts.find((account) => (account.user === user || account.user === '') && hostMatches(account.host, clientHost));
  }

  /** The account named exactly `user`@`host` (host compared without case, as MySQL does). */
  get(user: string, host: string): Account | undefined {
    const lowerHost = host.toLowerCase();
    return this.accounts.find((account) => account.user === user && account.host.toLowerCase() === lowerHost);
  }

  databaseGrantsOf(user: string, host: string): DatabaseGrant[] {
    return this.databaseGrants.filter((grant) => grant.user === user && grant.host === host);
  }

  tableGrantsOf(user: string, host: string): TableGrant[] {
    return this.tableGrants.filter((grant) => grant.user === user && grant.host === host);
  }

  /** The roles granted directly to `grantee` (mysql.role_edges). */
  rolesGrantedTo(grantee: AuthId): RoleEdge[] {
    return this.roleEdges.filter((edge) => sameId(edge.to, grantee));
  }

  /** The accounts and roles `role` is granted to. */
  granteesOf(role: AuthId): RoleEdge[] {
    return this.roleEdges.filter((edge) => sameId(edge.from, role));
  }

  /** The default roles of `account` (mysql.default_roles). */
  defaultRolesOf(account: AuthId): AuthId[] {
    return this.defaultRoles.filter((entry) => sameId(entry.account, account)).map((entry) => entry.role);
  }

  /** Runs `change` in one transaction over the grant tables, commits, and reloads the cache (even on failure). */
  write<T>(change: (writer: GrantTableWriter) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      try {
        return await this.withContext(async (context) => change(this.writer(context)), true);
      } finally {
        this.writeCount++;
        await this.reload();
      }
    });
  }

  /** How many account changes this process has made: a statement that moved it tells the other processes. */
  get changeCount(): number {
    return this.writeCount;
  }

  /** FLUSH PRIVILEGES: re-reads the grant tables, counted as a change so that the other processes re-read them too. */
  async flush(): Promise<void> {
    this.writeCount++;
    await this.reload();
  }

  /** Re-reads the grant tables (FLUSH PRIVILEGES, and after every account change). */
  async reload(): Promise<void> {
    await this.withContext(async (context) => {
      const users = await this.select(`SELECT ${USER_COLUMNS.map((c) => `\`${c}\``).join(', ')} FROM mysql.user`, context);
      this.accounts = users
        .map((row): Account => {
          const privileges = new Set<string>();
          PRIVILEGES.forEach((p, i) => {
            if (str(row[USER_FIXED_COLUMNS + i]) === 'Y') privileges.add(p.name);
          });
          return {
            host: str(row[0]),
            user: str(row[1]),
            plugin: str(row[2]) || DEFAULT_AUTH_PLUGIN,
            authString: str(row[3]),
            tls: tlsFromRow(str(row[4]), str(row[5]), str(row[6]), str(row[7]), str(row[8])),
            isLocked: str(row[9]) === 'Y',
            failedLoginAttempts: Number(row[10] ?? 0),
            passwordLockTime: Number(row[11] ?? 0),
            limits: { maxQuestions: Number(row[12] ?? 0), maxUpdates: Number(row[13] ?? 0), maxConnections: Number(row[14] ?? 0), maxUserConnections: Number(row[15] ?? 0) },
            privileges,
          };
        })
        .sort(compareAccountSpecificity);
      const dbRows = await this.select(`SELECT Host, Db, User, ${DB_PRIVILEGES.map((p) => `\`${p.column}\``).join(', ')} FROM mysql.db`, context);
      this.databaseGrants = dbRows.map((row) => ({
        host: str(row[0]),
        db: str(row[1]),
        user: str(row[2]),
        privileges: new Set(DB_PRIVILEGES.filter((_, i) => str(row[3 + i]) === 'Y').map((p) => p.name)),
      }));
      const tableRows = await this.select('SELECT Host, Db, User, Table_name, Grantor, Table_priv FROM mysql.tables_priv', context);
      this.tableGrants = tableRows.map((row) => ({
        host: str(row[0]),
        db: str(row[1]),
        user: str(row[2]),
        table: str(row[3]),
        grantor: str(row[4]),
        privileges: new Set(
          str(row[5])
            .split(',')
            .map((value) => TABLE_PRIV_NAMES.get(value.trim().toLowerCase()))
            .filter((name): name is string => name !== undefined),
        ),
      }));
      const edgeRows = await this.select('SELECT FROM_HOST, FROM_USER, TO_HOST, TO_USER, WITH_ADMIN_OPTION FROM mysql.role_edges', context);
      this.roleEdges = edgeRows.map((row) => ({
        from: { host: str(row[0]), user: str(row[1]) },
        to: { host: str(row[2]), user: str(row[3]) },
        withAdminOption: str(row[4]) === 'Y',
      }));
      const defaultRows = await this.select('SELECT HOST, USER, DEFAULT_ROLE_HOST, DEFAULT_ROLE_USER FROM mysql.default_roles', context);
      this.defaultRoles = defaultRows.map((row) => ({ account: { host: str(row[0]), user: str(row[1]) }, role: { host: str(row[2]), user: str(row[3]) } }));
    });
  }

  private writer(context: ExecutionContext): GrantTableWriter {
    const exec = (sql: string): Promise<void> => this.exec(sql, context);
    const where = (user: string, host: string): string => `User = ${q(user)} AND Host = ${q(host)}`;
    return {
      insertAccount: (row) => exec(`INSERT INTO mysql.user (${USER_COLUMNS.map((c) => `\`${c}\``).join(', ')}) VALUES (${userRowValues(row).join(', ')})`),
      updateAccount: async (user, host, row) => {
        await exec(`DELETE FROM mysql.user WHERE ${where(user, host)}`);
        await exec(`INSERT INTO mysql.user (${USER_COLUMNS.map((c) => `\`${c}\``).join(', ')}) VALUES (${userRowValues(row).join(', ')})`);
      },
      deleteAccount: async (user, host) => {
        for (const table of ['user', 'db', 'tables_priv']) await exec(`DELETE FROM mysql.${table} WHERE ${where(user, host)}`);
        // The account's role grants in both directions, and its default roles as account and as role.
        await exec(`DELETE FROM mysql.role_edges WHERE ${edgeEnd('FROM', { user, host })} OR ${edgeEnd('TO', { user, host })}`);
        await exec(`DELETE FROM mysql.default_roles WHERE ${where(user, host)} OR (DEFAULT_ROLE_USER = ${q(user)} AND DEFAULT_ROLE_HOST = ${q(host)})`);
      },
      renameAccount: async (from, to) => {
        for (const table of ['user', 'db', 'tables_priv', 'default_roles']) {
          await exec(`UPDATE mysql.${table} SET User = ${q(to.user)}, Host = ${q(to.host)} WHERE ${where(from.user, from.host)}`);
        }
        for (const end of ['FROM', 'TO'] as const) {
          await exec(`UPDATE mysql.role_edges SET ${end}_USER = ${q(to.user)}, ${end}_HOST = ${q(to.host)} WHERE ${edgeEnd(end, from)}`);
        }
        await exec(`UPDATE mysql.default_roles SET DEFAULT_ROLE_USER = ${q(to.user)}, DEFAULT_ROLE_HOST = ${q(to.host)} WHERE DEFAULT_ROLE_USER = ${q(from.user)} AND DEFAULT_ROLE_HOST = ${q(from.host)}`);
      },
      setRoleEdge: async (role, grantee, withAdminOption) => {
        await exec(`DELETE FROM mysql.role_edges WHERE ${edgeEnd('FROM', role)} AND ${edgeEnd('TO', grantee)}`);
        await exec(
          `INSERT INTO mysql.role_edges (FROM_HOST, FROM_USER, TO_HOST, TO_USER, WITH_ADMIN_OPTION) VALUES (${q(role.host)}, ${q(role.user)}, ${q(grantee.host)}, ${q(grantee.user)}, ${yn(withAdminOption)})`,
        );
      },
      deleteRoleEdge: (role, grantee) => exec(`DELETE FROM mysql.role_edges WHERE ${edgeEnd('FROM', role)} AND ${edgeEnd('TO', grantee)}`),
      setDefaultRoles: async (account, roles) => {
        await exec(`DELETE FROM mysql.default_roles WHERE ${where(account.user, account.host)}`);
        for (const role of roles) {
          await exec(
            `INSERT INTO mysql.default_roles (HOST, USER, DEFAULT_ROLE_HOST, DEFAULT_ROLE_USER) VALUES (${q(account.host)}, ${q(account.user)}, ${q(role.host)}, ${q(role.user)})`,
          );
        }
      },
      setDatabaseGrant: async (user, host, db, privileges) => {
        await exec(`DELETE FROM mysql.db WHERE ${where(user, host)} AND Db = ${q(db)}`);
        if (privileges.size === 0) return;
        const values = DB_PRIVILEGES.map((p) => yn(privileges.has(p.name)));
        await exec(`INSERT INTO mysql.db (Host, Db, User, ${DB_PRIVILEGES.map((p) => `\`${p.column}\``).join(', ')}) VALUES (${q(host)}, ${q(db)}, ${q(user)}, ${values.join(', ')})`);
      },
      setTableGrant: async (user, host, db, table, grantor, privileges) => {
        await exec(`DELETE FROM mysql.tables_priv WHERE ${where(user, host)} AND Db = ${q(db)} AND Table_name = ${q(table)}`);
        if (privileges.size === 0) return;
        const set = [...privileges].map((name) => TABLE_PRIV_VALUES[name]).filter((v) => v !== undefined).join(',');
        await exec(`INSERT INTO mysql.tables_priv (Host, Db, User, Table_name, Grantor, Table_priv) VALUES (${q(host)}, ${q(db)}, ${q(user)}, ${q(table)}, ${q(grantor)}, ${q(set)})`);
      },
    };
  }

  private async withContext<T>(task: (context: ExecutionContext) => Promise<T>, commit = false): Promise<T> {
    const txn = await beginTransaction(this.kv);
    try {
      const result = await task(new SystemContext(txn));
      if (commit) await txn.commit();
      else txn.rollback();
      return result;
    } catch (error) {
      txn.rollback();
      throw error;
    }
  }

  private async exec(sql: string, context: ExecutionContext): Promise<void> {
    for (const stmt of parseSql(sql)) {
      const result = await this.run(stmt, context);
      if (result.kind === 'rows') for await (const batch of result.rows) void batch;
    }
  }

  private async select(sql: string, context: ExecutionContext): Promise<Row[]> {
    const [stmt] = parseSql(sql);
    const result = await this.run(stmt!, context);
    const rows: Row[] = [];
    if (result.kind === 'rows') for await (const batch of result.rows) rows.push(...batch);
    return rows;
  }
}

/** Passwords are refused until the server wires in the protocol's hashing (SQL-layer tests without a server). */
export const NO_AUTH_STRINGS: AuthStringFactory = {
  isSupported: () => false,
  hash: (_plugin, password) => {
    if (password !== '') throw new Error('no authentication plugins are configured');
    return '';
  },
  isValid: () => false,
};

export { LOCK_TIME_UNBOUNDED };
