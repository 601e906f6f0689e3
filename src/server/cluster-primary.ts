// ClusterPrimary: tidal-server as several processes (max-procs > 1): this process holds the data directory (its
// lock and commit oracle), the one row-lock table and the fan-out between workers, and forks the workers that
// accept connections (node:cluster hands each accepted socket to one of them in turn).
import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import type { ServerConfig } from '../config/index.js';
import { storeLocation } from '../config/index.js';
import type { Logger } from '../logging/index.js';
import { LmdbEngine, openKvEngine } from '../storage/index.js';
import type { KvEngine } from '../storage/kv.js';
import { SqlEngine } from '../sql/index.js';
import { ClusterCoordinator } from '../session/cluster/cluster-coordinator.js';
import type { MessagePort } from '../session/cluster/cluster-rpc.js';
import { serverAuthStrings } from './auth-strings.js';
import { tlsFilePaths } from './auto-tls.js';
import { StartupError } from './startup-error.js';
import { SERVER_VERSION } from './tidal-server.js';

/** Environment variables that tell a forked process it is a worker, and which. */
export const WorkerEnv = { memberId: 'TIDAL_MEMBER_ID', firstIdBlock: 'TIDAL_ID_BLOCK' } as const;

/** What a worker sends (outside the RPC channel) once it listens. */
interface ReadyMessage {
  readonly tidal: 'ready';
  readonly port: number;
}

/** The message a worker sends its primary once it listens on `port`. */
export function readyMessage(port: number): ReadyMessage {
  return { tidal: 'ready', port };
}

/** What a worker sends (outside the RPC channel) when it cannot start, before it exits. */
interface FailedMessage {
  readonly tidal: 'failed';
  readonly reason: string;
}

/** The message a worker sends its primary when it cannot start: `reason` is what the primary reports. */
export function failedMessage(reason: string): FailedMessage {
  return { tidal: 'failed', reason };
}

function isReadyMessage(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as { tidal?: unknown }).tidal === 'ready';
}

function isFailedMessage(message: unknown): message is FailedMessage {
  return typeof message === 'object' && message !== null && (message as { tidal?: unknown }).tidal === 'failed';
}

export class ClusterPrimary {
  private readonly workers = new Map<number, Worker>();
  private nextMemberId = 1;
  private isStopping = false;
  private isRunning = false;

  private constructor(
    private readonly kv: KvEngine,
    private readonly coordinator: ClusterCoordinator,
    private readonly logger: Logger,
  ) {}

  /**
   * Opens the store (bootstrapping it once, so that workers never race to), prepares auto-tls files, forks `procs`
   * workers and resolves once every one of them listens; rejects if one exits before that.
   */
  static async start(config: ServerConfig, logger: Logger, procs: number): Promise<ClusterPrimary> {
    const kv = await openKvEngine(storeLocation(config), logger);
    try {
      await SqlEngine.open(kv, {
        authStrings: serverAuthStrings,
        ...(config.security.initializeRootPassword !== '' && { rootPassword: config.security.initializeRootPassword }),
      });
      await tlsFilePaths(config, logger);
    } catch (error) {
      await kv.close();
      throw error;
    }
    // Commits of an LMDB directory are admitted here; an etcd store admits its own and only locks go through here.
    const coordinator = new ClusterCoordinator(kv instanceof LmdbEngine ? kv : undefined);
    // Bigints and byte arrays (keys, versions) cross the channel as they are.
    cluster.setupPrimary({ serialization: 'advanced' });
    const primary = new ClusterPrimary(kv, coordinator, logger);
    try {
      const ports = await Promise.all(Array.from({ length: procs }, () => primary.fork()));
      primary.isRunning = true;
      logger.info('server is running MySQL protocol', { host: config.host, port: ports[0], path: config.path, version: SERVER_VERSION, procs });
      return primary;
    } catch (error) {
      await primary.stop();
      throw error;
    }
  }

  /** Forks one worker; resolves with its MySQL port once it listens, rejects if it exits first. */
  private fork(): Promise<number> {
    const memberId = this.nextMemberId++;
    const firstBlock = this.coordinator.allocateIdBlock(memberId);
    const worker = cluster.fork({ [WorkerEnv.memberId]: String(memberId), [WorkerEnv.firstIdBlock]: String(firstBlock) });
    this.coordinator.addMember(memberId, workerPort(worker));
    this.workers.set(memberId, worker);
    return new Promise<number>((resolve, reject) => {
      const onMessage = (message: unknown): void => {
        if (isFailedMessage(message)) reject(new StartupError(message.reason));
        if (!isReadyMessage(message)) return;
        worker.off('message', onMessage);
        resolve(message.port);
      };
      worker.on('message', onMessage);
      worker.once('exit', (code, signal) => {
        this.coordinator.removeMember(memberId);
        this.workers.delete(memberId);
        reject(new StartupError(`worker ${memberId} exited before it listened (${signal ?? `code ${code}`})`));
        this.replace(memberId, code, signal);
      });
    });
  }

  /** A worker that dies while the server runs is replaced, so that the server keeps its number of processes. */
  private replace(memberId: number, code: number | null, signal: string | null): void {
    if (this.isStopping || !this.isRunning) return;
    this.logger.error('worker exited; starting another', { worker: memberId, code, signal });
    this.fork().catch((error: unknown) => this.logger.error('could not replace a worker', { err: error instanceof Error ? error : new Error(String(error)) }));
  }

  /** SIGHUP (logrotate moved the files): each worker reopens its log files (server and slow log) too. */
  reopenLogs(): void {
    for (const worker of this.workers.values()) if (!worker.isDead()) worker.process.kill('SIGHUP');
  }

  /** Stops every worker (each stops gracefully on SIGTERM, waiting up to its graceful wait) and closes the store. */
  async stop(): Promise<void> {
    if (this.isStopping) return;
    this.isStopping = true;
    const exits = [...this.workers.values()].map((worker) => new Promise<void>((resolve) => {
      if (worker.isDead()) resolve();
      else {
        worker.once('exit', () => resolve());
        worker.process.kill('SIGTERM');
      }
    }));
    await Promise.all(exits);
    await this.kv.close();
    this.logger.info('server stopped');
  }
}

/** The primary's end of a worker's IPC channel. */
function workerPort(worker: Worker): MessagePort {
  return {
    // A worker that is going (stopping, or dead before its exit event) has no channel: what it would have been told
    // no longer matters, and a send would raise ERR_IPC_CHANNEL_CLOSED as an uncaught 'error' event.
    send: (message) => {
      if (worker.isConnected()) worker.send(message as never, undefined, () => undefined);
    },
    onMessage: (listener) => {
      worker.on('message', listener);
      return () => worker.off('message', listener);
    },
  };
}
