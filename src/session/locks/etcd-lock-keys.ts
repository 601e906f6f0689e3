// The etcd keys of row locks and wait-for edges, and the transaction pieces that take, test and read them.
import type { ICompare, IKeyValue, IRequestOp } from 'etcd3';
import type { LockMode } from '../../sql/index.js';

/** A lock as stored: one key per holder and mode, `l<hex key>/<x|s>/<holder>`, bound to the holder node's lease. */
export interface StoredLock {
  readonly hex: string;
  readonly mode: LockMode;
  readonly holder: string;
}

const MODE_LETTER: Readonly<Record<LockMode, string>> = { exclusive: 'x', shared: 's' };
const EMPTY = Buffer.alloc(0);
const ZERO_BYTE = Buffer.from([0]);

/**
 * Builds keys under a keyspace prefix. A user key is written as hex, so that `/` separates the parts unambiguously
 * and `l<hex>0` (the byte after `/`) ends the range of one key's holders. Holders are `<node id>.<owner id>`.
 */
export class EtcdLockKeys {
  /** `…/l`: every lock of the keyspace (the release watch covers it). */
  readonly lockArea: Buffer;
  /** `…/w`: every wait-for edge. */
  readonly edgeArea: Buffer;
  private readonly edgeAreaEnd: Buffer;

  constructor(prefix: Buffer) {
    this.lockArea = this.sub(prefix, 'l');
    this.edgeArea = this.sub(prefix, 'w');
    this.edgeAreaEnd = this.sub(prefix, 'x');
  }

  lockKey(hex: string, mode: LockMode, holder: string): Buffer {
    return this.sub(this.lockArea, `${hex}/${MODE_LETTER[mode]}/${holder}`);
  }

  /** The range of every holder of one user key, `[l<hex>/, l<hex>0)`. */
  holdersRange(hex: string): { key: Buffer; range_end: Buffer } {
    return { key: this.sub(this.lockArea, `${hex}/`), range_end: this.sub(this.lockArea, `${hex}0`) };
  }

  /** Parses a lock key read back from etcd; undefined for anything else. */
  parseLock(key: Buffer): StoredLock | undefined {
    if (!key.subarray(0, this.lockArea.length).equals(this.lockArea)) return undefined;
    const [hex, letter, holder] = key.toString('latin1', this.lockArea.length).split('/');
    if (hex === undefined || holder === undefined) return undefined;
    if (letter === 'x') return { hex, mode: 'exclusive', holder };
    if (letter === 's') return { hex, mode: 'shared', holder };
    return undefined;
  }

  /** The user key (as hex) a lock key belongs to, cheaply (the release watch calls it for every release). */
  hexOf(key: Buffer): string | undefined {
    const end = key.indexOf(0x2f, this.lockArea.length);
    return end < 0 ? undefined : key.toString('latin1', this.lockArea.length, end);
  }

  edgeKey(holder: string): Buffer {
    return this.sub(this.edgeArea, holder);
  }

  edgesRange(): { key: Buffer; range_end: Buffer } {
    return { key: this.edgeArea, range_end: this.edgeAreaEnd };
  }

  /**
   * The compares that hold when `holder` may take `mode` on the key: no other holder in an incompatible mode.
   * The holder's own keys are left out, so an upgrade is allowed and repeating a granted request is harmless.
   */
  freeFor(hex: string, mode: LockMode, holder: string): ICompare[] {
    const compares = this.noOtherHolder(hex, 'exclusive', holder);
    if (mode === 'exclusive') compares.push(...this.noOtherHolder(hex, 'shared', holder));
    return compares;
  }

  /** Two empty-range compares around `holder`'s own key among the holders in `mode`. */
  private noOtherHolder(hex: string, mode: LockMode, holder: string): ICompare[] {
    const letter = MODE_LETTER[mode];
    const own = this.lockKey(hex, mode, holder);
    return [
      emptyRange(this.sub(this.lockArea, `${hex}/${letter}/`), own),
      emptyRange(Buffer.concat([own, ZERO_BYTE]), this.sub(this.lockArea, `${hex}/${letter}0`)),
    ];
  }

  private sub(base: Buffer, text: string): Buffer {
    return Buffer.concat([base, Buffer.from(text, 'latin1')]);
  }
}

/** True for every lock `holder` does not own that conflicts with `mode`. */
export function conflictsWith(lock: StoredLock, mode: LockMode, holder: string): boolean {
  return lock.holder !== holder && (mode === 'exclusive' || lock.mode === 'exclusive');
}

/** A put bound to `lease`. */
export function leasedPut(key: Buffer, lease: string, value: Buffer = EMPTY): IRequestOp {
  return { request_put: { key, value, lease } };
}

/** The key-values of a range answer inside a transaction response. */
export function rangeKvs(response: { response_range?: { kvs: IKeyValue[] } } | undefined): IKeyValue[] {
  return response?.response_range?.kvs ?? [];
}

/** Compares true when no key lies in `[key, rangeEnd)` (etcd compares an empty range as one absent key). */
function emptyRange(key: Buffer, rangeEnd: Buffer): ICompare {
  return { key, range_end: rangeEnd, target: 'Version', result: 'Equal', version: 0 };
}
