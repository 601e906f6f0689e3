// Connection admission and per-account resource limits: max_connections (with MySQL's one extra connection for an
// administrator), max_user_connections, and WITH MAX_USER_CONNECTIONS / MAX_CONNECTIONS_PER_HOUR /
// MAX_QUERIES_PER_HOUR / MAX_UPDATES_PER_HOUR. https://dev.mysql.com/doc/refman/8.0/en/user-resources.html
import { mysqlError, ER_CON_COUNT_ERROR, ER_TOO_MANY_USER_CONNECTIONS, ER_USER_LIMIT_REACHED } from '../errors/index.js';
import type { MySqlError } from '../errors/index.js';
import type { GlobalVariables } from '../session/variables/index.js';
import { accountKey } from '../sql/accounts/index.js';
import type { Account } from '../sql/accounts/index.js';

/** Hourly counters of one account, restarted when an hour has passed since the first count. */
interface HourlyUsage {
  since: number;
  connections: number;
  questions: number;
  updates: number;
}

const HOUR_MS = 3_600_000;
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

/** One server's admission state: which logged-in connection belongs to which account, and hourly usage. */
export class ConnectionAdmission {
  private readonly accountOf = new Map<number, Account>();
  private readonly openByAccount = new Map<string, number>();
  private readonly usage = new Map<string, HourlyUsage>();

  /**
   * `others` tells what the server's other processes hold, as they last reported it (max_connections counts the
   * whole server's connections; per-account limits count this process's); `onChange` hears each login and logout.
   */
  constructor(
    private readonly globals: GlobalVariables,
    private readonly others: () => OtherConnections = () => NO_OTHERS,
    private readonly onChange: () => void = () => undefined,
  ) {}

  /** Logged-in connections admitted here. */
  get loggedInCount(): number {
    return this.accountOf.size;
  }

  /**
   * Before the handshake: refuses (1040) when the connections already open, counting those still logging in, exceed
   * max_connections by more than the one MySQL keeps for an administrator.
   */
  refuseBeforeLogin(openConnections: number): MySqlError | undefined {
    return openConnections + this.others().open > this.globals.maxConnections ? mysqlError(ER_CON_COUNT_ERROR) : undefined;
  }

  /**
   * After authentication: admits connection `id` as `account`, or says why not — the extra connection beyond
   * max_connections is for SUPER/CONNECTION_ADMIN only (1040), then max_user_connections (1203) or the account's
   * MAX_USER_CONNECTIONS / MAX_CONNECTIONS_PER_HOUR (1226). An admitted connection must be `release`d.
   */
  admit(id: number, account: Account): MySqlError | undefined {
    const isAdmin = ADMIN_PRIVILEGES.some((privilege) => account.privileges.has(privilege));
    if (this.accountOf.size + this.others().loggedIn >= this.globals.maxConnections && !isAdmin) return mysqlError(ER_CON_COUNT_ERROR);
    const key = accountKey(account);
    const open = this.openByAccount.get(key) ?? 0;
    const { maxUserConnections, maxConnections } = account.limits;
    if (maxUserConnections > 0 && open >= maxUserConnections) {
      return mysqlError(ER_USER_LIMIT_REACHED, account.user, 'max_user_connections', maxUserConnections);
    }
    const globalLimit = Number(this.globals.get('max_user_connections') ?? 0);
    if (maxUserConnections === 0 && globalLimit > 0 && open >= globalLimit) return mysqlError(ER_TOO_MANY_USER_CONNECTIONS, account.user);
    const usage = this.hourlyUsage(key);
    if (maxConnections > 0 && usage.connections >= maxConnections) {
      return mysqlError(ER_USER_LIMIT_REACHED, account.user, 'max_connections_per_hour', maxConnections);
    }
    usage.connections++;
    this.accountOf.set(id, account);
    this.openByAccount.set(key, open + 1);
    this.onChange();
    return undefined;
  }

  /** Connection `id` has closed (or changed user): its account has one connection fewer. */
  release(id: number): void {
    const account = this.accountOf.get(id);
    if (!account) return;
    this.accountOf.delete(id);
    const key = accountKey(account);
    const open = (this.openByAccount.get(key) ?? 1) - 1;
    if (open > 0) this.openByAccount.set(key, open);
    else this.openByAccount.delete(key);
    this.onChange();
  }

  /**
   * Counts one statement of connection `id` against its account's MAX_QUERIES_PER_HOUR and (for a statement that
   * changes something) MAX_UPDATES_PER_HOUR; returns 1226 once a limit is used up.
   */
  countStatement(id: number, text: string): MySqlError | undefined {
    const account = this.accountOf.get(id);
    if (!account) return undefined;
    const { maxQuestions, maxUpdates } = account.limits;
    if (maxQuestions === 0 && maxUpdates === 0) return undefined;
    const usage = this.hourlyUsage(accountKey(account));
    if (maxQuestions > 0 && usage.questions >= maxQuestions) return mysqlError(ER_USER_LIMIT_REACHED, account.user, 'max_questions', maxQuestions);
    if (maxUpdates > 0 && UPDATE_STATEMENT.test(text)) {
      if (usage.updates >= maxUpdates) return mysqlError(ER_USER_LIMIT_REACHED, account.user, 'max_updates', maxUpdates);
      usage.updates++;
    }
    usage.questions++;
    return undefined;
  }

  private hourlyUsage(key: string): HourlyUsage {
    const now = Date.now();
    let usage = this.usage.get(key);
    if (!usage || now - usage.since >= HOUR_MS) {
      usage = { since: now, connections: 0, questions: 0, updates: 0 };
      this.usage.set(key, usage);
    }
    return usage;
  }
}
