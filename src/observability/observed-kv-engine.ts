// ObservedKvEngine: a KvEngine that counts the reads, writes and commits going through it into plain numbers, for
// the status port's metrics; everything else is the wrapped engine's.
import type {
  Bytes,
  CommitRequest,
  CommitResult,
  KeyRange,
  KvEngine,
  KvPair,
  KvSnapshot,
  ScanOptions,
  VisitOptions,
} from '../storage/kv.js';

/** Counts since start; the metrics registry reads them at each scrape. */
export interface KvCounters {
  readKeys: number;
  readBytes: number;
  writeKeys: number;
  writeBytes: number;
  commits: number;
  conflicts: number;
  commitErrors: number;
}

/** TiDB's write conflict (ER_WRITE_CONFLICT): the storage layer's WriteConflictError carries it. */
const ER_WRITE_CONFLICT = 9007;

/**
 * Counts every key and byte read through snapshots, and every commit with its keys, bytes, duration and outcome.
 * The counting is a few additions per call, so it can stay on a point get's path.
 */
export class ObservedKvEngine implements KvEngine {
  constructor(
    private readonly engine: KvEngine,
    private readonly counters: KvCounters,
    private readonly onCommit: (durationMs: number) => void,
  ) {}

  get name(): string {
    return this.engine.name;
  }

  snapshot(): Promise<KvSnapshot> {
    // `.then` rather than async/await: one promise less on a point get's path.
    return this.engine.snapshot().then((snapshot) => new ObservedSnapshot(snapshot, this.counters));
  }

  async commit(request: CommitRequest): Promise<CommitResult> {
    const counters = this.counters;
    const started = performance.now();
    try {
      const result = await this.engine.commit(request);
      counters.commits++;
      counters.writeKeys += request.mutations.length;
      for (const mutation of request.mutations) counters.writeBytes += mutation.key.byteLength + (mutation.value?.byteLength ?? 0);
      this.onCommit(performance.now() - started);
      return result;
    } catch (error) {
      if ((error as { code?: unknown }).code === ER_WRITE_CONFLICT) counters.conflicts++;
      else counters.commitErrors++;
      throw error;
    }
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}

class ObservedSnapshot implements KvSnapshot {
  constructor(
    private readonly snapshot: KvSnapshot,
    private readonly counters: KvCounters,
  ) {}

  get version(): bigint {
    return this.snapshot.version;
  }

  get(key: Bytes): Promise<Bytes | undefined> {
    return this.snapshot.get(key).then((value) => {
      if (value !== undefined) {
        this.counters.readKeys++;
        this.counters.readBytes += key.byteLength + value.byteLength;
      }
      return value;
    });
  }

  async batchGet(keys: readonly Bytes[]): Promise<Map<string, Bytes>> {
    const found = await this.snapshot.batchGet(keys);
    this.counters.readKeys += found.size;
    for (const [hex, value] of found) this.counters.readBytes += hex.length / 2 + value.byteLength;
    return found;
  }

  async *scan(range: KeyRange, options?: ScanOptions): AsyncIterableIterator<KvPair[]> {
    for await (const batch of this.snapshot.scan(range, options)) {
      this.counters.readKeys += batch.length;
      for (const pair of batch) this.counters.readBytes += pair.key.byteLength + pair.value.byteLength;
      yield batch;
    }
  }

  visitValues(range: KeyRange, options: VisitOptions, visit: (value: Bytes) => void): boolean {
    const snapshot = this.snapshot;
    if (!snapshot.visitValues) return false;
    const counters = this.counters;
    return snapshot.visitValues(range, options, (value) => {
      counters.readKeys++;
      // `length`, not byteLength: a borrowed LMDB buffer is longer than the value it holds (lmdb-js sets `length`).
      counters.readBytes += value.length;
      visit(value);
    });
  }

  close(): void {
    this.snapshot.close();
  }
}
