// MemoryEngine: an in-process KvEngine with true snapshot isolation, for unit tests and fast SQL tests.
import type { Bytes, CommitRequest, CommitResult, KvEngine, KvSnapshot } from '../../kv.js';
import { SortedBytesMap } from '../../collections/sorted-bytes-map.js';
import { CommitOracle } from '../commit-oracle.js';
import { rejectWith } from '../reject-with.js';
import { validateMutationKeys } from '../key-limits.js';
import { MemorySnapshot } from './memory-snapshot.js';

/**
 * Keeps the committed state in a copy-on-write B+tree. A snapshot is an O(1) fork of the tree, so it never sees later
 * commits; commits are checked by the shared CommitOracle and applied synchronously, hence atomically. Nothing is
 * durable. Keys and values are copied on commit; bytes handed out by reads must be treated as read-only.
 */
export class MemoryEngine implements KvEngine {
  readonly name = 'memory';
  private readonly committed = new SortedBytesMap<Bytes>();
  private readonly oracle = new CommitOracle(0n);
  /** The fork handed to snapshots since the last commit; shared because nobody writes to it. */
  private frozen: SortedBytesMap<Bytes> | undefined;
  private isClosed = false;

  snapshot(): Promise<KvSnapshot> {
    if (this.isClosed) return rejectWith(closedError());
    this.frozen ??= this.committed.fork();
    const version = this.oracle.visibleVersion;
    this.oracle.registerSnapshot(version);
    return Promise.resolve(new MemorySnapshot(this.frozen, version, this.oracle));
  }

  commit(request: CommitRequest): Promise<CommitResult> {
    try {
      this.assertOpen();
      validateMutationKeys(request);
      const commitVersion = this.oracle.admit(request);
      if (request.mutations.length > 0) {
        for (const { key, value } of request.mutations) {
          if (value === undefined) this.committed.delete(key);
          else this.committed.set(Buffer.from(key), Buffer.from(value));
        }
        this.frozen = undefined;
        this.oracle.markVisible(commitVersion);
        request.onVisible?.();
      }
      return Promise.resolve({ commitVersion });
    } catch (error) {
      return rejectWith(error);
    }
  }

  close(): Promise<void> {
    this.isClosed = true;
    return Promise.resolve();
  }

  private assertOpen(): void {
    if (this.isClosed) throw closedError();
  }
}

function closedError(): Error {
  return new Error('the memory storage engine is closed');
}
