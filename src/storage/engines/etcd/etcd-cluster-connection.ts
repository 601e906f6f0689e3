// The one etcd client of a TidalDB node: endpoints, mutual TLS and call deadlines, shared by everything kept in etcd.
import { ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel';
import { Etcd3, isRecoverableError } from 'etcd3';
import type { KVClient } from 'etcd3';
import { ConfigError } from '../../../config/index.js';
import { loadClusterTls } from './cluster-tls.js';
import type { ClusterTlsFiles } from './cluster-tls.js';
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
 * Calls go to the members in turn; a member that fails is skipped for a few seconds.
 */
export class EtcdClusterConnection {
  private isClosed = false;

  private constructor(
    /** The client, for leases, watches and elections. */
    readonly client: Etcd3,
    readonly endpoints: readonly string[],
    /** Whether the links are TLS (cluster-ssl-ca set). */
    readonly isTls: boolean,
    /** Non-fatal findings about the TLS files (certificates expiring soon), for the log. */
    readonly warnings: readonly string[],
  ) {}

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
    const connection = new EtcdClusterConnection(
      client,
      [...options.endpoints],
      credentials !== undefined,
      credentials?.warnings ?? [],
    );
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

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
