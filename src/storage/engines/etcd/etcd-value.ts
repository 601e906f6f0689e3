// The tagged form of a value in the etcd data area: the value itself, a tombstone, or a manifest of chunks.
import { randomBytes } from 'node:crypto';
import type { Bytes } from '../../kv.js';
import { asBuffer } from '../../bytes.js';

/** The first byte of a stored value. */
const Tag = { inline: 0x00, tombstone: 0x01, chunked: 0x02 } as const;

/** Characters of a transaction id (16 random bytes as hex). */
export const TXN_ID_LENGTH = 32;

/** A new transaction id: names the commit's status key and its chunks. */
export function newTxnId(): string {
  return randomBytes(TXN_ID_LENGTH / 2).toString('hex');
}

/** What a stored value decodes to. */
export type StoredValue =
  | { readonly kind: 'inline'; readonly value: Buffer }
  | { readonly kind: 'tombstone' }
  /** The value is in `chunks` keys of the group (txnId, user key), `length` bytes in total. */
  | { readonly kind: 'chunked'; readonly txnId: string; readonly chunks: number; readonly length: number };

const TOMBSTONE = Buffer.from([Tag.tombstone]);
const MANIFEST_BYTES = 1 + TXN_ID_LENGTH + 4 + 4;

export function encodeInline(value: Bytes): Buffer {
  return Buffer.concat([Buffer.from([Tag.inline]), value]);
}

export function encodeTombstone(): Buffer {
  return TOMBSTONE;
}

export function encodeManifest(txnId: string, chunks: number, length: number): Buffer {
  const bytes = Buffer.alloc(MANIFEST_BYTES);
  bytes[0] = Tag.chunked;
  bytes.write(txnId, 1, TXN_ID_LENGTH, 'latin1');
  bytes.writeUInt32BE(chunks, 1 + TXN_ID_LENGTH);
  bytes.writeUInt32BE(length, 5 + TXN_ID_LENGTH);
  return bytes;
}

/** Decodes a stored value; throws on bytes no TidalDB wrote (another program's key under our prefix). */
export function decodeStored(stored: Bytes): StoredValue {
  const bytes = asBuffer(stored);
  switch (bytes[0]) {
    case Tag.inline:
      return { kind: 'inline', value: bytes.subarray(1) };
    case Tag.tombstone:
      return { kind: 'tombstone' };
    case Tag.chunked:
      if (bytes.length === MANIFEST_BYTES) {
        return {
          kind: 'chunked',
          txnId: bytes.toString('latin1', 1, 1 + TXN_ID_LENGTH),
          chunks: bytes.readUInt32BE(1 + TXN_ID_LENGTH),
          length: bytes.readUInt32BE(5 + TXN_ID_LENGTH),
        };
      }
      break;
    default:
      break;
  }
  throw new Error(`corrupt value in the etcd store (tag ${bytes[0] ?? 'none'}, ${bytes.length} bytes)`);
}
