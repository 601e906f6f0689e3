// EtcdSnapshot: a KvSnapshot that reads the etcd keyspace as of one revision.
import type { Bytes, KeyRange, KvPair, KvSnapshot, ScanOptions } from '../../kv.js';
import { rejectWith } from '../reject-with.js';
import type { EtcdReads } from './etcd-reads.js';

/**
 * Every read names `version` as its etcd revision, so the snapshot holds nothing on the server: closing it only
 * tells the engine (and through it the GC) that the revision is no longer needed.
 */
export class EtcdSnapshot implements KvSnapshot {
  private isClosed = false;

  constructor(
    private readonly reads: EtcdReads,
    readonly version: bigint,
    private readonly onClose: (snapshot: EtcdSnapshot) => void,
  ) {}

  get(key: Bytes): Promise<Bytes | undefined> {
    if (this.isClosed) return rejectWith(closedError());
    return this.reads.get(key, this.version);
  }

  batchGet(keys: readonly Bytes[]): Promise<Map<string, Bytes>> {
    if (this.isClosed) return rejectWith(closedError());
    return this.reads.batchGet(keys, this.version);
  }

  scan(range: KeyRange, options?: ScanOptions): AsyncIterableIterator<KvPair[]> {
    if (this.isClosed) throw closedError();
    return this.reads.scan(range, options, this.version);
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.onClose(this);
  }
}

function closedError(): Error {
  return new Error('the etcd snapshot is closed');
}
