// Connection admission and per-account resource limits: max_connections (with MySQL's one extra connection for an
// administrator), max_user_connections, and WITH MAX_USER_CONNECTIONS / MAX_CONNECTIONS_PER_HOUR /
// MAX_QUERIES_PER_HOUR / MAX_UPDATES_PER_HOUR. https://dev.mysql.com/doc/refman/8.0/en/user-resources.html
import { mysqlError, ER_CON_COUNT_ERROR, ER_TOO_MANY_USER_CONNECTIONS, ER_USER_LIMIT_REACHED } from '../errors/index.js';
import type { MySqlError } from '../errors/index.js';
import { AccountUsageTable } from '../session/account-usage.js';
import type { AccountUsage, UsageRefusal } from '../session/account-usage.js';
import type { GlobalVariables } from '../session/variables/index.js';
import { accountKey } from '../sql/accounts/index.js';
import type { Account } from '../sql/accounts/index.js';

/** Privileges that may use the connection MySQL keeps free beyond max_connections. */
const ADMIN_PRIVILEGES = ['SUPER', 'CONNECTION_ADMIN'] as const;
/** Statements MAX_UPDATES_PER_HOUR counts: those that change data, schema or accounts. */
const UPDATE_STATEMENT = /^\s*(?:\/\*.*?\*\/\s*)*(?:INSERT|UPDATE|DELETE|REPLACE|CREATE|ALTER|DROP|TRUNCATE|RENAME|GRANT|REVOKE|LOAD|SET\s+PASSWORD)\b/is;

/** Connections the server's other processes hold (max-procs > 1): open ones, and of those the logged-in ones. */
export interface OtherConnections {
  readonly open: number;
  readonly loggedIn: number;
}

const NO_OTHERS: OtherConnections = { open: 0, loggedIn: 0 };

/** What this process admits, and where it counts each account's usage (here, or the whole server's in the primary). */
export interface AdmissionOptions {
  /** What the server's other processes hold, as they last reported it (max_connections counts the whole server's). */
  readonly others?: () => OtherConnections;
  /** Hears each login and logout. */
  readonly onChange?: () => void;
  /** The per-account counts; a table of this process's own by default. */
  readonly usage?: AccountUsage;
}

/** One server process's admission state: which logged-in connection belongs to which account. */
export class ConnectionAdmission {
  private readonly accountOf = new Map<number, Account>();
  private readonly others: () => OtherConnections;
  private readonly onChange: () => void;
  private readonly usage: AccountUsage;

  constructor(
    private readonly globals: GlobalVariables,
    options: AdmissionOptions = {},
  ) {
    this.others = options.others ?? (() => NO_OTHERS);
    this.onChange = options.onChange ?? (() => undefined);
    this.usage = options.usage ?? new AccountUsageTable();
  }

  /** Logged-in connections admitted here. */
  get loggedInCount(): number {
    return this.accountOf.size;
  }

  /**
   * Before the handshake: refuses (1040) when the connections already open, counting those still logging in, exceed
   * max_connections by more than the one MySQL keeps for an administrator. Of the other processes' connections only
   * the logged-in ones count here: one of theirs still logging in may be refused and gone before their report of it
   * arrives, and would refuse this one wrongly (admit() counts the others' logins in any case).
   */
  refuseBeforeLogin(openConnections: number): MySqlError | undefined {
    return openConnections + this.others().loggedIn > this.globals.maxConnections ? mysqlError(ER_CON_COUNT_ERROR) : undefined;
  }

  /**
   * After authentication: admits connection `id` as `account`, or says why not — the extra connection beyond
   * max_connections is for SUPER/CONNECTION_ADMIN only (1040), then max_user_connections (1203) or the account's
   * MAX_USER_CONNECTIONS / MAX_CONNECTIONS_PER_HOUR (1226). An admitted connection must be `release`d.
   */
  async admit(id: number, account: Account): Promise<MySqlError | undefined> {
    const isAdmin = ADMIN_PRIVILEGES.some((privilege) => account.privileges.has(privilege));
    if (this.accountOf.size + this.others().loggedIn >= this.globals.maxConnections && !isAdmin) return mysqlError(ER_CON_COUNT_ERROR);
    const globalUserConnections = Number(this.globals.get('max_user_connections') ?? 0);
    const refusal = await this.usage.admit(accountKey(account), { account: account.limits, globalUserConnections });
    if (refusal !== undefined) return refusalError(refusal, account);
    this.accountOf.set(id, account);
    this.onChange();
    return undefined;
  }

  /** Connection `id` has closed (or changed user): its account has one connection fewer. */
  release(id: number): void {
    const account = this.accountOf.get(id);
    if (!account) return;
    this.accountOf.delete(id);
    this.usage.release(accountKey(account));
    this.onChange();
  }

  /** Whether connection `id`'s account has MAX_QUERIES_PER_HOUR or MAX_UPDATES_PER_HOUR (most have neither). */
  hasStatementLimits(id: number): boolean {
    const limits = this.accountOf.get(id)?.limits;
    return limits !== undefined && (limits.maxQuestions > 0 || limits.maxUpdates > 0);
  }

  /**
   * Counts one statement of connection `id` against its account's MAX_QUERIES_PER_HOUR and (for a statement that
   * changes something) MAX_UPDATES_PER_HOUR; returns 1226 once a limit is used up.
   */
  async countStatement(id: number, text: string): Promise<MySqlError | undefined> {
    const account = this.accountOf.get(id);
    if (!account) return undefined;
    const refusal = await this.usage.countStatement(accountKey(account), account.limits, account.limits.maxUpdates > 0 && UPDATE_STATEMENT.test(text));
    return refusal === undefined ? undefined : refusalError(refusal, account);
  }
}

/** The MySQL error for the limit that refused `account`. */
function refusalError(refusal: UsageRefusal, account: Account): MySqlError {
  const { limits } = account;
  switch (refusal) {
    case 'global_max_user_connections':
      return mysqlError(ER_TOO_MANY_USER_CONNECTIONS, account.user);
    case 'max_user_connections':
      return mysqlError(ER_USER_LIMIT_REACHED, account.user, 'max_user_connections', limits.maxUserConnections);
    case 'max_connections_per_hour':
      return mysqlError(ER_USER_LIMIT_REACHED, account.user, 'max_connections_per_hour', limits.maxConnections);
    case 'max_questions':
      return mysqlError(ER_USER_LIMIT_REACHED, account.user, 'max_questions', limits.maxQuestions);
    case 'max_updates':
      return mysqlError(ER_USER_LIMIT_REACHED, account.user, 'max_updates', limits.maxUpdates);
  }
}
