// AccountUsage: per-account open connections and hourly usage against MySQL's resource limits, kept once for the
// whole server (in its one process, or in the primary of several), so that a limit counts every worker's logins.
// https://dev.mysql.com/doc/refman/8.0/en/user-resources.html
import type { Account } from '../sql/accounts/index.js';

/** MAX_QUERIES_PER_HOUR & co. of an account (0 = none). */
export type ResourceLimits = Account['limits'];

/** The limits a login is checked against: the account's own and the global max_user_connections. */
export interface LoginLimits {
  readonly account: ResourceLimits;
  /** @@max_user_connections (0 = none), used when the account has no MAX_USER_CONNECTIONS of its own. */
  readonly globalUserConnections: number;
}

/** Which limit refused a login or a statement. */
export type UsageRefusal = 'max_user_connections' | 'global_max_user_connections' | 'max_connections_per_hour' | 'max_questions' | 'max_updates';

/** Counts of one account, restarted when an hour has passed since the first count. */
interface HourlyUsage {
  since: number;
  connections: number;
  questions: number;
  updates: number;
}

const HOUR_MS = 3_600_000;

/** The counting behind the limits; its methods answer at once here and through the primary in a worker. */
export interface AccountUsage {
  /** Counts a login of account `key`, or says which limit refuses it (and counts nothing). */
  admit(key: string, limits: LoginLimits): UsageRefusal | undefined | Promise<UsageRefusal | undefined>;
  /** One of the account's connections has closed (or changed user). */
  release(key: string): void;
  /** Counts one statement (`isUpdate`: one that changes something), or says which limit refuses it. */
  countStatement(key: string, limits: ResourceLimits, isUpdate: boolean): UsageRefusal | undefined | Promise<UsageRefusal | undefined>;
}

/** The one table of counts. */
export class AccountUsageTable implements AccountUsage {
  private readonly open = new Map<string, number>();
  private readonly usage = new Map<string, HourlyUsage>();

  admit(key: string, limits: LoginLimits): UsageRefusal | undefined {
    const open = this.open.get(key) ?? 0;
    const { maxUserConnections, maxConnections } = limits.account;
    if (maxUserConnections > 0 && open >= maxUserConnections) return 'max_user_connections';
    if (maxUserConnections === 0 && limits.globalUserConnections > 0 && open >= limits.globalUserConnections) return 'global_max_user_connections';
    const usage = this.hourlyUsage(key);
    if (maxConnections > 0 && usage.connections >= maxConnections) return 'max_connections_per_hour';
    usage.connections++;
    this.open.set(key, open + 1);
    return undefined;
  }

  release(key: string): void {
    const open = (this.open.get(key) ?? 1) - 1;
    if (open > 0) this.open.set(key, open);
    else this.open.delete(key);
  }

  countStatement(key: string, limits: ResourceLimits, isUpdate: boolean): UsageRefusal | undefined {
    const usage = this.hourlyUsage(key);
    if (limits.maxQuestions > 0 && usage.questions >= limits.maxQuestions) return 'max_questions';
    if (limits.maxUpdates > 0 && isUpdate) {
      if (usage.updates >= limits.maxUpdates) return 'max_updates';
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
