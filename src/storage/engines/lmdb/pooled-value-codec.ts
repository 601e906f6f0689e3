// pooledValueCodec: lmdb-js value handling that copies each value read into a shared slab instead of a new buffer.
import type { Bytes } from '../../kv.js';

/** Bytes of one slab; values at least this long get a slab of their own. */
const SLAB_BYTES = 64 * 1024;

/**
 * lmdb-js hands a custom decoder the bytes of each value read in its own reused buffer (`decoderCopies`), where the
 * plain 'binary' encoding slices every value into a new ArrayBuffer: one allocation and one finaliser per row of a
 * range scan. This codec copies values back to back into 64 KiB slabs and returns views into them, so a row costs a
 * copy and a view. A slab stays alive while any view into it does; values are never written through the views.
 */
export function pooledValueCodec(): { encode(value: Bytes): Bytes; decode(bytes: Buffer): Buffer; needsStableBuffer: false } {
  let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
  let used = 0;
  return {
    needsStableBuffer: false,
    encode: (value) => value,
    decode(bytes) {
      // lmdb-js sets `length` on its reused buffer to the value's size.
      const size = bytes.length;
      if (size >= SLAB_BYTES) return Buffer.from(bytes.subarray(0, size));
      if (used + size > SLAB_BYTES) {
        slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
        used = 0;
      }
      // Buffer#copy trips over the `length` lmdb-js overrides; TypedArray#set does not read it.
      slab.set(bytes.subarray(0, size), used);
      const view = slab.subarray(used, used + size);
      used += size;
      return view;
    },
  };
}
