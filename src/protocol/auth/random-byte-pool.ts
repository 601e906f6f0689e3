// RandomBytePool: cryptographically random bytes handed out from a buffer refilled in one call, for small nonces.
import { randomFillSync } from 'node:crypto';

/** Bytes fetched from the CSPRNG per refill: 200 scrambles of 20 bytes. */
const DEFAULT_POOL_SIZE = 4096;

/**
 * Hands out fresh random bytes, each byte once, from a pool filled by `randomFillSync` whenever it runs short. One
 * call into the CSPRNG per refill instead of one per nonce: `randomBytes(20)` costs several microseconds, mostly
 * the call itself, and a login needs one scramble. Node's own `randomUUID` caches random bytes the same way.
 */
export class RandomBytePool {
  private readonly pool: Buffer;
  private offset: number;

  constructor(size: number = DEFAULT_POOL_SIZE) {
    this.pool = Buffer.allocUnsafe(size);
    // Start empty, so the first take() fills the pool and nothing unfilled is ever handed out.
    this.offset = size;
  }

  /** `length` random bytes in a new Buffer the caller owns; requests larger than the pool go to the CSPRNG directly. */
  take(length: number): Buffer {
    const out = Buffer.allocUnsafe(length);
    if (length > this.pool.length) return randomFillSync(out);
    if (this.offset + length > this.pool.length) {
      randomFillSync(this.pool);
      this.offset = 0;
    }
    this.pool.copy(out, 0, this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
}
