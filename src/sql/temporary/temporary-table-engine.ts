// TemporaryTableEngine: a session's view of the store in which its temporary tables' keys live in memory, as TiDB
// keeps local temporary tables in the session instead of TiKV.
import type { Bytes, CommitRequest, CommitResult, KeyRange, KvEngine, KvMutation, KvPair, KvSnapshot, ScanOptions, VisitOptions } from '../../storage/kv.js';
import { KeyPrefix, MemoryEngine } from '../../storage/index.js';

/** The byte after `t` of a table key: the comparable int64 of the id, whose first byte is below 0x80 for ids < 0. */
const SIGN_BYTE_OF_NONNEGATIVE = 0x80;
const TABLE_PREFIX_BYTE = KeyPrefix.table[0]!;

/**
 * True for keys of temporary tables. Temporary tables take negative ids (the stored catalog hands out positive
 * ones), so their keys are told apart by the sign of the id alone, with no lookup.
 */
export function isTemporaryTableKey(key: Bytes): boolean {
  return key[0] === TABLE_PREFIX_BYTE && key.byteLength > 1 && key[1]! < SIGN_BYTE_OF_NONNEGATIVE;
}

/**
 * Wraps the server's engine for one session: keys of temporary tables are read from and committed to an in-memory
 * engine of the session's own, every other key goes to the server's engine. A transaction over it is an ordinary
 * KvTransaction (one write buffer, savepoints, locking views), so rolling back undoes temporary rows too, as InnoDB's
 * temporary tables do. Nothing of a temporary table reaches the store, and all of it goes with the session.
 *
 * The session commits its temporary writes after the server's commit succeeded, so a conflict leaves both unchanged;
 * writes to a table dropped while the transaction ran are discarded (`isLive`).
 */
export class TemporaryTableEngine implements KvEngine {
  readonly name: string;
  /** Created with the session's first temporary table; until then this engine is the server's. */
  private memory: MemoryEngine | undefined;

  constructor(
    private readonly server: KvEngine,
    /** Whether a temporary table id is still in use (writes to dropped ones are discarded at commit). */
    private readonly isLive: (tableId: bigint) => boolean,
  ) {
    this.name = server.name;
  }

  /** Starts keeping temporary keys in memory (the session's first temporary table). */
  enable(): void {
    this.memory ??= new MemoryEngine();
  }

  async snapshot(): Promise<KvSnapshot> {
    const memory = this.memory;
    if (memory === undefined) return this.server.snapshot();
    const [server, local] = await Promise.all([this.server.snapshot(), memory.snapshot()]);
    return new RoutedSnapshot(server, local);
  }

  async commit(request: CommitRequest): Promise<CommitResult> {
    const memory = this.memory;
    if (memory === undefined || !request.mutations.some((mutation) => isTemporaryTableKey(mutation.key))) return this.server.commit(request);
    const serverMutations: KvMutation[] = [];
    const localMutations: KvMutation[] = [];
    for (const mutation of request.mutations) {
      if (!isTemporaryTableKey(mutation.key)) serverMutations.push(mutation);
      else if (this.isLive(tableIdOf(mutation.key))) localMutations.push(mutation);
    }
    const readKeys = request.readKeys.filter((key) => !isTemporaryTableKey(key));
    const result = serverMutations.length > 0 || readKeys.length > 0 ? await this.server.commit({ ...request, mutations: serverMutations, readKeys }) : undefined;
    // Only this session writes its temporary keys, and one statement at a time: a blind write at the newest version.
    const latest = await memory.snapshot();
    const startVersion = latest.version;
    latest.close();
    const local = await memory.commit({ startVersion, mutations: localMutations, readKeys: [] });
    return result ?? local;
  }

  /** Drops every temporary key (the session ended). The server's engine is not the session's to close. */
  async close(): Promise<void> {
    const memory = this.memory;
    this.memory = undefined;
    await memory?.close();
  }
}

/** The id of the table a `t…` key belongs to. */
function tableIdOf(key: Bytes): bigint {
  return Buffer.from(key.buffer, key.byteOffset + 1, 8).readBigUInt64BE() - (1n << 63n);
}

/** A snapshot of both engines taken together: each key is read where it lives. */
class RoutedSnapshot implements KvSnapshot {
  constructor(
    private readonly server: KvSnapshot,
    private readonly local: KvSnapshot,
  ) {}

  get version(): bigint {
    return this.server.version;
  }

  get(key: Bytes): Promise<Bytes | undefined> {
    return (isTemporaryTableKey(key) ? this.local : this.server).get(key);
  }

  async batchGet(keys: readonly Bytes[]): Promise<Map<string, Bytes>> {
    const localKeys = keys.filter(isTemporaryTableKey);
    if (localKeys.length === 0) return this.server.batchGet(keys);
    if (localKeys.length === keys.length) return this.local.batchGet(keys);
    const found = await this.server.batchGet(keys.filter((key) => !isTemporaryTableKey(key)));
    for (const [hex, value] of await this.local.batchGet(localKeys)) found.set(hex, value);
    return found;
  }

  /** A range is one table's (or an index's) keys, so where it starts says where it lives. */
  scan(range: KeyRange, options?: ScanOptions): AsyncIterableIterator<KvPair[]> {
    return (isTemporaryTableKey(range.start) ? this.local : this.server).scan(range, options);
  }

  visitValues(range: KeyRange, options: VisitOptions, visit: (value: Bytes) => void): boolean {
    const snapshot = isTemporaryTableKey(range.start) ? this.local : this.server;
    return snapshot.visitValues?.(range, options, visit) ?? false;
  }

  close(): void {
    this.server.close();
    this.local.close();
  }
}
