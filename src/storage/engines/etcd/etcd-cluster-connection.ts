// The one etcd client of a TidalDB node: endpoints, mutual TLS and call deadlines, shared by everything kept in etcd.
import { ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel';
import { Etcd3, isRecoverableError } from 'etcd3';
import type { KVClient } from 'etcd3';
import type { ChannelCredentials } from '@grpc/grpc-js';
import { ConfigError } from '../../../config/index.js';
import { ClusterCredentialsProvider } from './cluster-credentials-provider.js';
import { loadClusterTls } from './cluster-tls.js';
import type { ClusterCredentials, ClusterTlsFiles } from './cluster-tls.js';
import { retryTransient } from './retry-transient.js';

/** How to reach the cluster. */
export interface EtcdConnectionOptions {
  /** `host:port` of one or more members (TiDB's `path` for PD). */
  readonly endpoints: readonly string[];
  /** cluster-ssl-ca/-cert/-key; absent or all '' for plain connections. */
  readonly tls?: ClusterTlsFiles | undefined;
  /** Deadline of each unary call (streams have none). Default 10 s: past a leader election on a loaded machine. */
  readonly callTimeoutMs?: number;
  /** How long `open` waits for a first answer before giving up. Default 20 s. */
  readonly connectTimeoutMs?: number;
}

const DEFAULT_CALL_TIMEOUT_MS = 10_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;
/** A member failing three calls in a row is skipped for one second (etcd3's default: five), then tried again. */
const MEMBER_BREAKER = { halfOpenAfter: 1000, failures: 3 } as const;

/**
 * gRPC channel settings: big scan batches may exceed the 4 MiB default answer size, and a member that comes back
 * should be used again within seconds (gRPC's default reconnect backoff grows to two minutes).
 */
const GRPC_OPTIONS = {
  'grpc.max_receive_message_length': 256 * 1024 * 1024,
  'grpc.initial_reconnect_backoff_ms': 200,
  'grpc.max_reconnect_backoff_ms': 2000,
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
} as const;

/**
 * Owns the etcd3 client. The storage engine keeps its data through it; the coordination services kept in etcd (row
 * locks, schema version, ids, the connection registry) are meant to share it rather than dial the cluster again.
 * Calls go to the members in turn; a member that fails is skipped for a few seconds. With TLS the credentials can be
 * replaced while it runs ({@link useCredentials}): the one client, and so every lease, watch and lock held through
 * it, stays; only connections made after the change present the new certificate.
 */
export class EtcdClusterConnection {
  private isClosed = false;

  private constructor(
    /** The client, for leases, watches and elections. */
    readonly client: Etcd3,
    readonly endpoints: readonly string[],
    /** The TLS credentials of new connections; undefined for plain connections. */
    private readonly provider: ClusterCredentialsProvider | undefined,
    /** Non-fatal findings about the TLS files (certificates expiring soon), for the log. */
    readonly warnings: readonly string[],
  ) {}

  /** Whether the links are TLS (cluster-ssl-ca set). */
  get isTls(): boolean {
    return this.provider !== undefined;
  }

  /** The credentials new connections present, or undefined for plain connections. */
  get credentials(): ClusterCredentials | undefined {
    return this.provider?.current;
  }

  /**
   * Makes connections opened from now on (a member restarted, a channel re-established) present `credentials`,
   * which the caller has validated ({@link loadClusterTls}); open connections and the calls on them go on. Ignored
   * on plain connections: TLS cannot be switched on without a restart.
   */
  useCredentials(credentials: ClusterCredentials): void {
    this.provider?.update(credentials);
  }

  /**
   * Checks the TLS files, connects and waits for one member to answer. Throws a one-line {@link ConfigError} for a
   * bad TLS file or when no member answers within `connectTimeoutMs` (naming the endpoints and etcd's reason).
   */
  static async open(options: EtcdConnectionOptions): Promise<EtcdClusterConnection> {
    if (options.endpoints.length === 0) throw new ConfigError('no etcd endpoints given');
    const credentials = options.tls === undefined ? undefined : loadClusterTls(options.tls);
    const scheme = credentials === undefined ? 'http' : 'https';
    const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    const client = new Etcd3({
      hosts: options.endpoints.map((endpoint) => `${scheme}://${endpoint}`),
      ...(credentials === undefined
        ? {}
        : {
            credentials: {
              rootCertificate: credentials.rootCertificate,
              ...(credentials.certChain === undefined ? {} : { certChain: credentials.certChain }),
              ...(credentials.privateKey === undefined ? {} : { privateKey: credentials.privateKey }),
            },
          }),
      grpcOptions: GRPC_OPTIONS,
      faultHandling: {
        host: () =>
          circuitBreaker(handleWhen(isRecoverableError), {
            halfOpenAfter: MEMBER_BREAKER.halfOpenAfter,
            breaker: new ConsecutiveBreaker(MEMBER_BREAKER.failures),
          }),
      },
      dialTimeout: callTimeoutMs,
      defaultCallOptions: (context) => (context.isStream ? {} : { deadline: Date.now() + callTimeoutMs }),
    });
    const provider = credentials === undefined ? undefined : new ClusterCredentialsProvider(credentials);
    if (provider !== undefined) useProviderCredentials(client, provider.channelCredentials());
    const connection = new EtcdClusterConnection(client, [...options.endpoints], provider, credentials?.warnings ?? []);
    try {
      await retryTransient(() => client.maintenance.status(), options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
    } catch (error) {
      connection.close();
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      throw new ConfigError(`cannot reach etcd at ${options.endpoints.join(',')}: ${firstLine(cause)}`, {
        cause: error,
      });
    }
    return connection;
  }

  /** The KV service: ranges, transactions and compaction. */
  get kv(): KVClient {
    return this.client.kv;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Closes every channel. Idempotent; later calls fail with the client's "already closed" error. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.client.close();
  }
}

/** What etcd3 1.1.2 keeps per member: the credentials its channels are made with. */
interface EtcdHost {
  channelCredentials: unknown;
}

/**
 * etcd3 builds fixed credentials from the files' bytes and gives each member's channels those; it has no way to
 * replace them. Before any channel exists (they are made at the first call), each member is given credentials that
 * read the provider at every handshake instead. Checked, so that an etcd3 upgrade that moves these fields fails the
 * start (and the cluster test) rather than silently losing certificate reloads.
 */
function useProviderCredentials(client: Etcd3, credentials: ChannelCredentials): void {
  const hosts = (client as unknown as { pool?: { hosts?: unknown } }).pool?.hosts;
  const isHost = (host: unknown): host is EtcdHost =>
    typeof host === 'object' && host !== null && 'channelCredentials' in host;
  if (!Array.isArray(hosts) || hosts.length === 0 || !hosts.every(isHost)) {
    throw new Error('etcd3 client internals changed: cannot install reloadable cluster TLS credentials');
  }
  for (const host of hosts) host.channelCredentials = credentials;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
