// RemoteAccountUsage: a worker process's per-account connection and hourly counts, kept by the primary's one table
// (see AccountUsageTable), so that MAX_USER_CONNECTIONS, max_user_connections and the hourly limits count every
// worker. Only logins, and statements of accounts that have an hourly limit, ask the primary.
import type { AccountUsage, LoginLimits, ResourceLimits, UsageRefusal } from '../account-usage.js';
import type { ClusterRpc } from './cluster-rpc.js';

export class RemoteAccountUsage implements AccountUsage {
  constructor(private readonly rpc: ClusterRpc) {}

  async admit(key: string, limits: LoginLimits): Promise<UsageRefusal | undefined> {
    return (await this.rpc.request<UsageRefusal | null>('usage.admit', { key, limits })) ?? undefined;
  }

  release(key: string): void {
    this.rpc.notify('usage.release', { key });
  }

  async countStatement(key: string, limits: ResourceLimits, isUpdate: boolean): Promise<UsageRefusal | undefined> {
    return (await this.rpc.request<UsageRefusal | null>('usage.count', { key, limits, isUpdate })) ?? undefined;
  }
}
