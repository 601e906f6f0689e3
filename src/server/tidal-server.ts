// TidalServer: wires storage, SQL, sessions, TLS and the listener into one running server.
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { hostname } from 'node:os';
import type { ServerConfig } from '../config/index.js';
import { packageInfo } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import { LmdbEngine } from '../storage/index.js';
import type { KvEngine } from '../storage/kv.js';
import { SqlEngine } from '../sql/index.js';
import { GlobalVariables, StatusVariables, hostPlatform } from '../session/variables/index.js';
import type { ServerFacts } from '../session/variables/index.js';
import { LocalRowLockManager } from '../session/locks/local-row-lock-manager.js';
import type { ProcessList } from '../session/session-host.js';
import { TLS_VERSION_LIST, TlsServerCounters, loadServerTlsContext, tlsStatusVariables } from '../protocol/tls/index.js';
import type { ServerTlsContext, TlsProtocolVersion } from '../protocol/tls/index.js';
import { Connection } from './connection.js';
import type { ServerContext } from './server-context.js';

/** MySQL's version first, because drivers parse it to choose features; then who we are. */
export const SERVER_VERSION = `8.0.11-TidalDB-${packageInfo().version}`;
const VERSION_COMMENT = 'TidalDB Server (Apache License 2.0), MySQL 8.0 compatible';
const CONNECT_TIMEOUT_MS = 10_000;

/** A server that failed to start, with a one-line reason for the operator. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** A running TidalDB server. */
export class TidalServer {
  /** Live connections by id (read by PROCESSLIST and KILL through the session host). */
  readonly connections = new Map<number, Connection>();
  private nextConnectionId = 1;
  private isStopping = false;

  private constructor(
    private readonly config: ServerConfig,
    private readonly logger: Logger,
    private readonly kv: KvEngine,
    private readonly listener: Server,
    private readonly context: ServerContext,
    private tlsContext: ServerTlsContext | undefined,
  ) {}

  /** Opens the data directory, loads TLS material and starts listening. */
  static async start(config: ServerConfig, logger: Logger): Promise<TidalServer> {
    const kv = await LmdbEngine.open(config.path);
    try {
      const sql = await SqlEngine.open(kv);
      const tls = loadTls(config, logger);
      const holder: { server?: TidalServer; port: number } = { port: config.port };
      const status = new StatusVariables();
      const tlsCounters = new TlsServerCounters();
      status.addProvider((scope) => tlsStatusVariables(holder.server?.tlsContext, undefined, tlsCounters, scope));
      const globals = new GlobalVariables({
        facts: () => serverFacts(config, holder.port, holder.server?.tlsContext),
        initialValues: {
          max_allowed_packet: BigInt(config.instance.maxAllowedPacket),
          // TiDB's max_connections = 0 means unlimited; MySQL's variable has no such value, so keep its default.
          ...(config.instance.maxConnections > 0 ? { max_connections: BigInt(config.instance.maxConnections) } : {}),
          require_secure_transport: config.security.requireSecureTransport ? 'ON' : 'OFF',
        },
      });
      const context: ServerContext = {
        logger,
        host: { sql, kv, status, locks: new LocalRowLockManager(), processes: processList(() => holder.server?.connections) },
        globals,
        tls: () => holder.server?.tlsContext,
        tlsCounters,
        serverVersion: SERVER_VERSION,
        connectTimeoutMs: CONNECT_TIMEOUT_MS,
      };
      const listener = createServer({ noDelay: true });
      const server = new TidalServer(config, logger, kv, listener, context, tls);
      holder.server = server;
      listener.on('connection', (socket) => server.accept(socket));
      holder.port = await listen(listener, config.host, config.port);
      logger.info('server is running MySQL protocol', { host: config.host, port: holder.port, path: config.path, version: SERVER_VERSION });
      return server;
    } catch (error) {
      await kv.close();
      throw error;
    }
  }

  /** The port actually listened on (useful with port 0). */
  get port(): number {
    const address = this.listener.address();
    return typeof address === 'object' && address ? address.port : this.config.port;
  }

  private accept(socket: Socket): void {
    if (this.isStopping) {
      socket.destroy();
      return;
    }
    const id = this.nextConnectionId++;
    const connection = new Connection(socket, this.context, id);
    this.connections.set(id, connection);
    void connection.serve().finally(() => this.connections.delete(id));
  }

  /** Stops accepting, closes every connection (rolling back open transactions) and closes the store. */
  async stop(): Promise<void> {
    if (this.isStopping) return;
    this.isStopping = true;
    const closed = new Promise<void>((resolve) => this.listener.close(() => resolve()));
    for (const connection of this.connections.values()) connection.kill();
    await closed;
    await this.kv.close();
    this.logger.info('server stopped');
  }
}

function loadTls(config: ServerConfig, logger: Logger): ServerTlsContext | undefined {
  const { sslCert, sslKey, sslCa } = config.security;
  if (!sslCert && !sslKey) {
    logger.warn('Secure connection is NOT ENABLED: no ssl-cert and ssl-key configured');
    return undefined;
  }
  const versions = config.security.tlsVersion ? config.security.tlsVersion.split(',').map((v) => v.trim()) : undefined;
  const loaded = loadServerTlsContext({ cert: sslCert, key: sslKey, ca: sslCa, ...(versions ? { versions: versions as TlsProtocolVersion[] } : {}) });
  if (!loaded.ok) {
    logger.warn(`Secure connection is NOT ENABLED: ${loaded.reason}`, { sslCert, sslKey, sslCa });
    return undefined;
  }
  for (const warning of loaded.context.warnings) logger.warn(warning, { sslCert, sslCa });
  logger.info('Secure connection is enabled', {
    sslCert,
    sslKey,
    sslCa,
    notAfter: loaded.context.notAfter.toISOString(),
    clientCertificates: sslCa ? 'verified against ssl-ca when presented' : 'not requested',
  });
  return loaded.context;
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

function serverFacts(config: ServerConfig, port: number, tls: ServerTlsContext | undefined): ServerFacts {
  const platform = hostPlatform();
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
    sslCa: config.security.sslCa,
    sslCapath: '',
    sslCert: config.security.sslCert,
    sslKey: config.security.sslKey,
    sslCrl: '',
    sslCrlpath: '',
    sslCipher: '',
    tlsCiphersuites: '',
    tlsVersion: tls?.tlsVersion ?? TLS_VERSION_LIST,
  };
}

/** PROCESSLIST and KILL over the server's live connections (logged-in ones only, as MySQL lists them). */
function processList(connections: () => ReadonlyMap<number, Connection> | undefined): ProcessList {
  return {
    list: () => [...(connections()?.values() ?? [])].flatMap((connection) => connection.processInfo() ?? []),
    kill: (id, isQueryOnly) => {
      const connection = connections()?.get(id);
      if (!connection) return false;
      if (isQueryOnly) connection.interrupt();
      else connection.kill();
      return true;
    },
  };
}
