// TidalServer: wires storage, SQL, sessions, TLS and the listener into one running server.
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { hostname } from 'node:os';
import type { ServerConfig } from '../config/index.js';
import { packageInfo, storeLocation } from '../config/index.js';
import { createRateLimitedLogger } from '../logging/index.js';
import type { Logger } from '../logging/index.js';
import { openKvEngine, setTxnTotalSizeLimit } from '../storage/index.js';
import type { KvEngine } from '../storage/kv.js';
import { SqlEngine } from '../sql/index.js';
import { GlobalVariables, StatusVariables, hostPlatform } from '../session/variables/index.js';
import type { ServerFacts } from '../session/variables/index.js';
import { chooseRowLocks, chooseUserLocks } from './lock-managers.js';
import { TlsServerCounters, resolveTlsPolicy, tlsStatusVariables, tlsVersionList } from '../protocol/tls/index.js';
import type { TlsPolicy } from '../protocol/tls/index.js';
import { serverAuthStrings } from './auth-strings.js';
import type { ProcessList } from '../session/session-host.js';
import type { ClusterMember } from '../session/cluster/cluster-member.js';
import { ClusterProcessList } from '../session/cluster/cluster-process-list.js';
import { CountingConnectionIds } from '../session/cluster/connection-ids.js';
import type { ConnectionIds } from '../session/cluster/connection-ids.js';
import type { RowLockManager } from '../session/locks/row-lock-manager.js';
import { applyClusterEvents, clusterInstanceControl, openWorkerStore, shareMetrics } from './cluster-worker.js';
import { EtcdNodeServices } from './etcd-node-services.js';
import { createSessionDriver } from '../session/session-driver.js';
import { Connection } from './connection.js';
import { loadRsaKeys } from './rsa-keys.js';
import { ConnectionAdmission } from './connection-admission.js';
import { Sha2PasswordCache } from './sha2-password-cache.js';
import type { ServerContext } from './server-context.js';
import { tlsFilePaths } from './auto-tls.js';
import { TlsManager } from './tls-manager.js';
import { ClusterTlsReloader } from './cluster-tls-reloader.js';
import { StartupError } from './startup-error.js';
import { ServerObservability } from './status/server-observability.js';
import type { CertificateInForce, MetricsSources } from '../observability/server-metrics.js';

/** MySQL's version first, because drivers parse it to choose features; then who we are. */
/** The Ssl_* status rows that count handshakes. */
const TLS_COUNTER_NAMES: ReadonlySet<string> = new Set([
  'Ssl_accepts',
  'Ssl_finished_accepts',
  'Ssl_handshake_failures',
  'Ssl_handshake_timeouts',
  'Ssl_client_certificates_refused',
  'Ssl_sessions_reused',
]);

export const SERVER_VERSION = `8.0.11-TidalDB-${packageInfo().version}`;
const VERSION_COMMENT = 'TidalDB Server (Apache License 2.0), MySQL 8.0 compatible';
const CONNECT_TIMEOUT_MS = 10_000;
/** At most 20 records per kind of handshake failure per minute; the rest are summed up in one line. */
const HANDSHAKE_LOG_RATE = { limit: 20, intervalMs: 60_000 } as const;
/** After KILL at shutdown, how long connections get to roll back before the store closes regardless. */
const KILL_GRACE_MS = 10_000;

export { StartupError };

/** A running TidalDB server. */
export class TidalServer {
  /** Live connections by id (read by PROCESSLIST and KILL through the session host). */
  readonly connections = new Map<number, Connection>();
  /** Each connection's serve() until it has ended (session closed, transaction rolled back). */
  private readonly served = new Set<Promise<void>>();
  private isStopping = false;
  private readonly startedAt = Date.now();

  private constructor(
    private readonly config: ServerConfig,
    private readonly logger: Logger,
    private readonly kv: KvEngine,
    private readonly listener: Server,
    private readonly context: ServerContext,
    private readonly tls: TlsManager,
    private readonly clusterTls: ClusterTlsReloader | undefined,
    private readonly observability: ServerObservability,
    private readonly connectionIds: ConnectionIds,
    private readonly member: ClusterMember | undefined,
    private readonly node: EtcdNodeServices | undefined,
  ) {}

  /**
   * Opens the store (data directory or etcd cluster), loads TLS material and starts listening. With `member` this
   * is one worker of several (max-procs > 1): locks, connection ids, commits and changes go through the primary.
   */
  static async start(config: ServerConfig, logger: Logger, member?: ClusterMember): Promise<TidalServer> {
    const policy = resolvePolicy(config, logger);
    setTxnTotalSizeLimit(config.performance.txnTotalSizeLimit);
    const observability = await ServerObservability.open(config, logger);
    const store = member ? openWorkerStore(config, logger, member) : openKvEngine(storeLocation(config), logger);
    const engine = await store.catch(async (error: unknown) => {
      await observability.close();
      throw error;
    });
    const kv = observability.wrapEngine(engine);
    // What a failed start must release so that the process can exit: timers, file watchers, listeners.
    const started: Array<{ close(): unknown }> = [];
    let node: EtcdNodeServices | undefined;
    try {
      // On etcd this process is one SQL node of the keyspace's (events, peers and ids go through etcd, even between
      // workers of one server).
      node = await EtcdNodeServices.join(engine, logger);
      const sql = await SqlEngine.open(kv, {
        authStrings: serverAuthStrings,
        ...(config.security.initializeRootPassword !== '' && { rootPassword: config.security.initializeRootPassword }),
      });
      const holder: { globals?: GlobalVariables; server?: TidalServer; port: number } = { port: config.port };
      const files = await tlsFilePaths(config, logger);
      const tls = new TlsManager({
        sources: {
          cert: files.cert,
          key: files.key,
          ca: files.ca,
          crl: config.security.sslCrl,
          altCert: files.altCert,
          altKey: files.altKey,
          keyPassword: config.security.sslKeyPassword,
          keyPasswordFile: config.security.sslKeyPasswordFile,
          policy,
          verifyDepth: config.security.sslVerifyDepth,
          ...(member ? { ticketKeys: await member.ticketKeys() } : {}),
        },
        logger,
        isSecureTransportRequired: () => holder.globals?.isSecureTransportRequired === true,
        expiryCheckIntervalMs: config.security.sslExpiryCheckInterval * 1000,
      });
      started.push(tls);
      tls.start();
      tls.startExpiryChecks();
      // Generated files live in the data directory, which changes with every commit: only events naming them count.
      tls.watch({ isSharedFolder: files.isAutomatic });
      // cluster-ssl-* (the etcd link, the HTTPS status port) is watched and reloaded the same way.
      const clusterTls = ClusterTlsReloader.create({ settings: config.security, engine, observability, logger });
      if (clusterTls !== undefined) started.push(clusterTls);
      clusterTls?.watch();
      clusterTls?.startExpiryChecks(config.security.sslExpiryCheckInterval * 1000);
      const instance = clusterTls?.withInstanceControl(tls) ?? tls;
      // With auto-tls the RSA pair is generated next to the generated certificate, so "next to ssl-cert" holds too.
      const rsaKeys = loadRsaKeys({ ...config.security, sslCert: files.cert }, logger);
      const status = new StatusVariables();
      const tlsCounters = new TlsServerCounters();
      // The handshake counts are counters (summed over the server's processes); the rest describes this TLS context.
      const isTlsCounter = ([name]: readonly [string, unknown]): boolean => TLS_COUNTER_NAMES.has(name);
      status.addCounters(() => tlsStatusVariables(tls.current, undefined, tlsCounters, 'global').filter(isTlsCounter).map(([name, value]) => [name, Number(value)] as const));
      status.addProvider((scope) => tlsStatusVariables(tls.current, undefined, tlsCounters, scope).filter((row) => !isTlsCounter(row)));
      status.addProvider(() => [['Caching_sha2_password_rsa_public_key', rsaKeys?.publicKeyPem ?? '']]);
      const globals = new GlobalVariables({
        facts: () => serverFacts(config, holder.port, tls, policy),
        initialValues: {
          max_allowed_packet: BigInt(config.instance.maxAllowedPacket),
          // TiDB's max_connections = 0 means unlimited; MySQL's variable has no such value, so keep its default.
          ...(config.instance.maxConnections > 0 ? { max_connections: BigInt(config.instance.maxConnections) } : {}),
          require_secure_transport: config.security.requireSecureTransport ? 'ON' : 'OFF',
          local_infile: config.instance.localInfile ? 'ON' : 'OFF',
          // NULL (the variable's default) refuses server-side files; a directory allows files under it.
          ...(config.security.secureFilePriv.toUpperCase() === 'NULL' ? {} : { secure_file_priv: config.security.secureFilePriv }),
          tidb_slow_log_threshold: BigInt(config.log.slowThreshold),
        },
      });
      holder.globals = globals;
      observability.bindVariables(globals);
      const locks = chooseRowLocks(engine, member, observability.lockObserver);
      member?.observeLocks(observability.lockObserver);
      const localProcesses = processList(() => holder.server?.connections);
      // On etcd the node's events and peers reach every process of every node; the primary's channel between this
      // server's workers still carries TLS reloads and global status.
      const shared = {
        processes: node ? node.processList(localProcesses) : member ? new ClusterProcessList(localProcesses, member.peers) : localProcesses,
        instance: member ? clusterInstanceControl(instance, member, logger) : instance,
        ...(node ? { events: node.events } : member ? { events: member.events } : {}),
      };
      // caching_sha2_password's cache and the failed-login counts are the whole server's (every worker, every node).
      const events = shared.events;
      const sha2Cache = new Sha2PasswordCache(events ? (entry) => events.publish({ kind: 'sha2-password-cached', ...entry }) : undefined);
      if (events) sql.accounts.failedLogins.shareWith((change) => events.publish({ kind: 'failed-logins', ...change }));
      if (node) await node.takeChanges({ sql, globals, status, tls: instance, sha2Cache, logger });
      if (member) applyClusterEvents(member, { sql, globals, status, tls: instance, sha2Cache, logger });
      if (member && observability.metrics) shareMetrics(member, observability.metrics);
      const userLocks = chooseUserLocks(engine, member);
      const context: ServerContext = {
        logger,
        driver: createSessionDriver({ sql, kv, status, locks, userLocks, ...shared, observer: observability.observer }, globals),
        globals,
        tls: () => tls.current,
        tlsCounters,
        serverVersion: SERVER_VERSION,
        connectTimeoutMs: CONNECT_TIMEOUT_MS,
        handshakeLog: createRateLimitedLogger(logger, HANDSHAKE_LOG_RATE),
        rsaKeys: () => rsaKeys,
        sha2Cache,
        admission: member
          ? new ConnectionAdmission(globals, { others: () => member.otherConnections(), onChange: () => holder.server?.reportConnections(), usage: member.accountUsage })
          : new ConnectionAdmission(globals),
      };
      const listener = createServer({ noDelay: true });
      started.push(listener, context.handshakeLog);
      const connectionIds = node?.connectionIds ?? member?.connectionIds ?? new CountingConnectionIds();
      const server = new TidalServer(config, logger, kv, listener, context, tls, clusterTls, observability, connectionIds, member, node);
      holder.server = server;
      listener.on('connection', (socket) => server.accept(socket));
      holder.port = await listen(listener, config.host, config.port);
      await node?.announce(config.host, holder.port);
      await observability.startStatusServer(server.metricsSources(tlsCounters, locks), () => server.statusBody(), context.handshakeLog);
      warnAboutOpenRoot(sql, config.host, logger);
      // With several processes the primary says the server is running, once every worker listens.
      logger.info(member ? 'worker is running MySQL protocol' : 'server is running MySQL protocol', { host: config.host, port: holder.port, path: config.path, version: SERVER_VERSION });
      return server;
    } catch (error) {
      for (const resource of started) resource.close();
      await node?.close();
      await observability.close();
      await kv.close();
      throw error;
    }
  }

  /** The port actually listened on (useful with port 0). */
  get port(): number {
    const address = this.listener.address();
    return typeof address === 'object' && address ? address.port : this.config.port;
  }

  /** The status port's port, or undefined when report-status is off. */
  get statusPort(): number | undefined {
    return this.observability.statusPort;
  }

  private accept(socket: Socket): void {
    if (this.isStopping) {
      socket.destroy();
      return;
    }
    const id = this.connectionIds.next();
    const refusal = this.context.admission.refuseBeforeLogin(this.connections.size);
    const connection = new Connection(socket, this.context, id);
    this.connections.set(id, connection);
    this.reportConnections();
    const served: Promise<void> = connection.serve(refusal).finally(() => {
      this.connections.delete(id);
      this.served.delete(served);
      this.reportConnections();
    });
    this.served.add(served);
  }

  /** With several processes: tells the others how many connections this one holds (for max_connections). */
  reportConnections(): void {
    this.member?.reportConnections(this.connections.size, this.context.admission.loggedInCount);
  }

  /**
   * Stops accepting, lets running statements finish for up to `gracefulWaitMs` (idle connections close at once),
   * then closes every connection that is left (rolling back open transactions), the status port, and the store.
   */
  async stop(gracefulWaitMs = 0): Promise<void> {
    if (this.isStopping) return;
    this.isStopping = true;
    this.observability.beginShutdown();
    const closed = new Promise<void>((resolve) => this.listener.close(() => resolve()));
    for (const connection of this.connections.values()) connection.drain();
    if (this.served.size > 0 && gracefulWaitMs > 0) {
      this.logger.info('waiting for running statements to finish', { connections: this.served.size, gracefulWaitMs });
      await settledWithin([...this.served], gracefulWaitMs);
    }
    for (const connection of this.connections.values()) connection.kill();
    await settledWithin([...this.served], KILL_GRACE_MS);
    this.tls.close();
    this.clusterTls?.close();
    this.context.handshakeLog.close();
    await closed;
    await this.observability.close();
    await this.node?.close();
    await this.kv.close();
    this.logger.info('server stopped');
  }

  /** SIGHUP: the slow query log reopens its file (the server log is the CLI's). */
  reopenLogs(): void {
    this.observability.reopenLogs();
  }

  /** TiDB's /status body. */
  private statusBody(): { connections: number; version: string; git_hash: string; uptime: number } {
    return {
      connections: this.connections.size,
      version: SERVER_VERSION,
      git_hash: this.observability.gitHash,
      uptime: Math.floor((Date.now() - this.startedAt) / 1000),
    };
  }

  /** What the metrics read from this server at each scrape. */
  private metricsSources(counters: TlsServerCounters, locks: RowLockManager): MetricsSources {
    return {
      connections: () =>
        [...this.connections.values()].flatMap((connection) => {
          const [tlsVersion = '', cipher = ''] = (connection.processInfo()?.tls ?? '').split(' ');
          return connection.processInfo() === undefined ? [] : [{ tlsVersion, cipher }];
        }),
      connectionsAccepted: () => this.context.driver.status.get('Connections'),
      tlsHandshakes: () => ({
        started: counters.accepts,
        finished: counters.finishedAccepts,
        resumed: counters.sessionsReused,
        failures: counters.failureReasons(),
      }),
      certificates: () => [...certificatesInForce(this.tls), ...this.observability.clusterCertificates],
      lockWaiters: () => locks.waitingCount,
    };
  }
}

/** Resolves once every promise has settled, or after `ms`, whichever comes first. */
async function settledWithin(promises: readonly Promise<unknown>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled(promises), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** The MySQL port's certificates in force: server, second server certificate, CAs. */
function certificatesInForce(manager: TlsManager): CertificateInForce[] {
  const tls = manager.current;
  if (tls === undefined) return [];
  return [
    { role: 'server', file: tls.sslCert, subject: tls.certificate.subject, notAfter: tls.certificate.notAfter },
    ...(tls.altCertificate ? [{ role: 'server-alt', file: tls.sslAltCert, subject: tls.altCertificate.subject, notAfter: tls.altCertificate.notAfter }] : []),
    ...tls.caCertificates.map((ca) => ({ role: 'ca', file: tls.sslCa, subject: ca.subject, notAfter: ca.notAfter })),
  ];
}

/** Resolves tls-version, ssl-cipher and tls-ciphersuites; an unknown name stops the start with one line. */
function resolvePolicy(config: ServerConfig, logger: Logger): TlsPolicy {
  const resolved = resolveTlsPolicy({
    tlsVersion: config.security.tlsVersion,
    sslCipher: config.security.sslCipher,
    tlsCiphersuites: config.security.tlsCiphersuites,
  });
  if (!resolved.ok) throw new StartupError(resolved.reason);
  if (config.security.sslKeyPassword !== '' && config.security.sslKeyPasswordFile !== '') {
    throw new StartupError('set ssl-key-password or ssl-key-password-file, not both');
  }
  for (const warning of resolved.policy.warnings) logger.warn(warning);
  return resolved.policy;
}

/** Loopback listeners: only processes on this machine can reach them. */
function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** A loud warning when anyone on the network can log in as root without a password, as TiDB's bootstrap leaves it. */
function warnAboutOpenRoot(sql: SqlEngine, host: string, logger: Logger): void {
  if (isLoopbackAddress(host)) return;
  const open = sql.accounts.list().filter((account) => account.user === 'root' && account.authString === '' && !account.isLocked);
  for (const account of open) {
    logger.warn(
      `SECURITY WARNING: root@'${account.host}' has NO PASSWORD and the server listens on ${host}, beyond loopback: anyone who can reach this port is a superuser. Set one now (ALTER USER root@'${account.host}' IDENTIFIED BY '…') or start with --initialize-root-password on a fresh data directory.`,
      { account: `root@${account.host}`, host },
    );
  }
}

function listen(listener: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const reason = error.code === 'EADDRINUSE' ? 'address already in use' : error.code === 'EACCES' ? 'permission denied' : error.message;
      reject(new StartupError(`cannot listen on ${host}:${port}: ${reason}`));
    };
    listener.once('error', onError);
    listener.listen(port, host, () => {
      listener.off('error', onError);
      const address = listener.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function serverFacts(config: ServerConfig, port: number, manager: TlsManager, policy: TlsPolicy): ServerFacts {
  const platform = hostPlatform();
  const tls = manager.current;
  return {
    version: SERVER_VERSION,
    versionComment: VERSION_COMMENT,
    versionCompileMachine: platform.machine,
    versionCompileOs: platform.os,
    port,
    bindAddress: config.host,
    socket: '',
    hostname: hostname(),
    dataDir: config.path.endsWith('/') ? config.path : `${config.path}/`,
    baseDir: config.configFileDirectory,
    systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone === 'UTC' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone,
    haveSsl: tls ? 'YES' : 'DISABLED',
    sslCa: manager.sources.ca,
    sslCapath: '',
    sslCert: manager.sources.cert,
    sslKey: manager.sources.key,
    sslCrl: config.security.sslCrl,
    sslCrlpath: '',
    // What is in force, not what was typed: the built-in lists when the settings are empty.
    sslCipher: policy.tls12Ciphers.join(':'),
    tlsCiphersuites: policy.tls13Ciphersuites.join(':'),
    tlsVersion: tls?.tlsVersion ?? tlsVersionList(policy.versions),
  };
}

/** PROCESSLIST and KILL over the server's live connections (logged-in ones only, as MySQL lists them). */
function processList(connections: () => ReadonlyMap<number, Connection> | undefined): ProcessList {
  return {
    list: () => [...(connections()?.values() ?? [])].flatMap((connection) => connection.processInfo() ?? []),
    find: (id) => connections()?.get(id)?.processInfo(),
    kill: (id, isQueryOnly) => {
      const connection = connections()?.get(id);
      if (!connection) return false;
      if (isQueryOnly) connection.interrupt();
      else connection.kill();
      return true;
    },
  };
}
