// EtcdEngine: a KvEngine on an etcd cluster, so that several TidalDB nodes can share one replicated store.
//
// A version is an etcd revision. A snapshot takes etcd's current revision (one linearizable read, shared by the
// snapshots asked for meanwhile) and reads at it: the whole etcd's revision rather than this keyspace's last commit,
// so that a snapshot of an idle keyspace is never below what another keyspace's GC compacted. A commit is one etcd
// Txn (etcd-commit.ts); the GC (etcd-gc.ts) keeps history, tombstones and bookkeeping keys bounded. See
// ARCHITECTURE.md and the README's "Run a cluster".
import { randomBytes } from 'node:crypto';
import type { CommitRequest, CommitResult, KvEngine, KvSnapshot } from '../../kv.js';
import { rejectWith } from '../reject-with.js';
import { validateMutationKeys } from '../key-limits.js';
import type { EtcdClusterConnection } from './etcd-cluster-connection.js';
import type { EtcdCoordination } from './etcd-coordination.js';
import { EtcdCommitter } from './etcd-commit.js';
import type { CommitLimits } from './etcd-commit.js';
import { EtcdGc, DEFAULT_GC_OPTIONS } from './etcd-gc.js';
import type { GcOptions, GcReport } from './etcd-gc.js';
import { DEFAULT_KEYSPACE, EtcdKeyspace, encodeRevision } from './etcd-keyspace.js';
import { EtcdReads } from './etcd-reads.js';
import { EtcdSnapshot } from './etcd-snapshot.js';
import { SharedRead } from './shared-read.js';
import { retryTransient } from './retry-transient.js';

/** How to open an engine. */
export interface EtcdEngineOptions {
  readonly connection: EtcdClusterConnection;
  /** The keyspace (TiDB's keyspace-name): keys live under `tidal/<keyspace>/`. Default "default". */
  readonly keyspace?: string;
  /** Close `connection` when the engine closes (the server's engine owns it; tests share one). */
  readonly ownsConnection?: boolean;
  /** How long reads and outcome checks retry through elections before failing. Default 30 s. */
  readonly retryBudgetMs?: number;
  readonly gc?: Partial<GcOptions>;
  readonly limits?: Partial<Omit<CommitLimits, 'resolveBudgetMs'>>;
  /** Where failures of background GC rounds are reported. */
  readonly onGcError?: (error: unknown) => void;
}

const DEFAULT_RETRY_BUDGET_MS = 30_000;
/** Below etcd's default request limit of 1.5 MiB, leaving room for keys, compares and framing. */
const DEFAULT_INLINE_BYTES = 1024 * 1024;
const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/**
 * A KvEngine whose data lives in etcd under one keyspace. Safe for concurrent use, also by several processes on
 * the same keyspace: conflicts are checked by etcd itself, not in this process.
 */
export class EtcdEngine implements KvEngine {
  readonly name = 'etcd';
  /** A random id naming this engine's GC bookkeeping keys. */
  readonly engineId = randomBytes(8).toString('hex');
  private readonly reads: EtcdReads;
  private readonly committer: EtcdCommitter;
  private readonly gc: EtcdGc;
  private readonly latest: SharedRead<bigint>;
  /** Versions of open snapshots and in-flight commits, with counts: they hold the GC safe point down. */
  private readonly live = new Map<bigint, number>();
  private readonly openSnapshots = new Set<EtcdSnapshot>();
  /** The newest revision read or committed at (see EtcdCoordination.newestRevision). */
  private newestSeen = 0n;
  private readonly closers: Array<() => Promise<void>> = [];
  private isClosed = false;
  /** What row locks and other services kept in etcd use of this engine. */
  readonly coordination: EtcdCoordination;

  private constructor(
    readonly connection: EtcdClusterConnection,
    readonly keyspace: EtcdKeyspace,
    private readonly options: EtcdEngineOptions,
  ) {
    const budget = options.retryBudgetMs ?? DEFAULT_RETRY_BUDGET_MS;
    const kv = connection.kv;
    this.reads = new EtcdReads(kv, keyspace, budget, () => this.gc.storedSafePoint().catch(() => undefined));
    this.committer = new EtcdCommitter(kv, keyspace, {
      inlineBytes: options.limits?.inlineBytes ?? DEFAULT_INLINE_BYTES,
      chunkBytes: options.limits?.chunkBytes ?? DEFAULT_CHUNK_BYTES,
      resolveBudgetMs: budget,
    });
    this.latest = new SharedRead(() =>
      retryTransient(async () => {
        const response = await kv.range({ key: keyspace.safePointKey, count_only: true });
        return BigInt(response.header.revision);
      }, budget),
    );
    this.gc = new EtcdGc(
      {
        client: connection.client,
        keyspace,
        engineId: this.engineId,
        oldestLiveVersion: () => this.oldestLiveVersion(),
        latestVersion: () => this.latest.read(),
        onError: options.onGcError ?? (() => undefined),
      },
      { ...DEFAULT_GC_OPTIONS, ...options.gc },
    );
    this.coordination = {
      client: connection.client,
      prefix: keyspace.prefix,
      dataKey: (key) => keyspace.dataKey(key),
      newestRevision: () => this.newestSeen,
      retry: (operation) => retryTransient(operation, budget),
      onClose: (close) => this.closers.push(close),
    };
  }

  /**
   * Opens the keyspace, creating its safe point key on first use, and starts the GC. Rejects with
   * 9002 when etcd does not answer within the retry budget.
   */
  static async open(options: EtcdEngineOptions): Promise<EtcdEngine> {
    const engine = new EtcdEngine(options.connection, new EtcdKeyspace(options.keyspace ?? DEFAULT_KEYSPACE), options);
    try {
      await engine.initializeKeyspace();
    } catch (error) {
      if (options.ownsConnection === true) options.connection.close();
      throw error;
    }
    engine.gc.start();
    return engine;
  }

  snapshot(): Promise<KvSnapshot> {
    if (this.isClosed) return rejectWith(closedError());
    return this.latest.read().then((version) => {
      if (this.isClosed) throw closedError();
      if (version > this.newestSeen) this.newestSeen = version;
      this.hold(version);
      const snapshot = new EtcdSnapshot(this.reads, version, (closed) => {
        this.openSnapshots.delete(closed);
        this.release(closed.version);
      });
      this.openSnapshots.add(snapshot);
      return snapshot;
    });
  }

  async commit(request: CommitRequest): Promise<CommitResult> {
    if (this.isClosed) throw closedError();
    validateMutationKeys(request);
    this.hold(request.startVersion);
    try {
      const commitVersion = await this.committer.commit(request);
      if (commitVersion > this.newestSeen) this.newestSeen = commitVersion;
      return { commitVersion };
    } finally {
      this.release(request.startVersion);
    }
  }

  /** Runs one GC round now (tests, and operators through future admin commands). */
  runGc(now?: number): Promise<GcReport | undefined> {
    return this.gc.runOnce(now);
  }

  /** The oldest version an open snapshot or in-flight commit of this engine reads at. */
  oldestLiveVersion(): bigint | undefined {
    let oldest: bigint | undefined;
    for (const version of this.live.keys()) if (oldest === undefined || version < oldest) oldest = version;
    return oldest;
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const snapshot of [...this.openSnapshots]) snapshot.close();
    await Promise.allSettled(this.closers.map((close) => close()));
    try {
      await this.gc.stop();
    } finally {
      if (this.options.ownsConnection === true) this.connection.close();
    }
  }

  /** Creates the safe point key when missing; a compare makes repeating it (or racing it) harmless. */
  private async initializeKeyspace(): Promise<void> {
    const budget = this.options.retryBudgetMs ?? DEFAULT_RETRY_BUDGET_MS;
    const key = this.keyspace.safePointKey;
    await retryTransient(
      () =>
        this.connection.kv.txn({
          compare: [{ key, target: 'Version', result: 'Equal', version: 0 }],
          success: [{ request_put: { key, value: encodeRevision(0n) } }],
          failure: [],
        }),
      budget,
    );
  }

  private hold(version: bigint): void {
    this.live.set(version, (this.live.get(version) ?? 0) + 1);
  }

  private release(version: bigint): void {
    const count = this.live.get(version) ?? 0;
    if (count <= 1) this.live.delete(version);
    else this.live.set(version, count - 1);
  }
}

function closedError(): Error {
  return new Error('the etcd storage engine is closed');
}
