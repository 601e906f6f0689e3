// ByteWriter: a growable output buffer for the codecs, so that encoding a key or row allocates once at the end.

const INITIAL_CAPACITY = 64;

/** Appends bytes to a buffer that doubles when full; `finish()` returns an exactly sized copy. */
export class ByteWriter {
  private bytes: Buffer;
  private length = 0;

  constructor(capacity: number = INITIAL_CAPACITY) {
    this.bytes = Buffer.allocUnsafe(Math.max(capacity, 8));
  }

  /** The number of bytes written so far. */
  get position(): number {
    return this.length;
  }

  /**
   * Makes room for `count` more bytes and returns the offset to write them at. Growing replaces the buffer, so read
   * `raw` only after reserving (never `writer.raw.write…(x, writer.reserve(n))`).
   */
  reserve(count: number): number {
    const at = this.length;
    const needed = at + count;
    if (needed > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, at);
      this.bytes = grown;
    }
    this.length = needed;
    return at;
  }

  /** The underlying buffer; valid up to `position` and until the next write. */
  get raw(): Buffer {
    return this.bytes;
  }

  byte(value: number): void {
    const at = this.reserve(1);
    this.bytes[at] = value;
  }

  append(source: Uint8Array): void {
    const at = this.reserve(source.byteLength);
    this.bytes.set(source, at);
  }

  uint16LE(value: number): void {
    const at = this.reserve(2);
    this.bytes.writeUInt16LE(value, at);
  }

  uint32LE(value: number): void {
    const at = this.reserve(4);
    this.bytes.writeUInt32LE(value, at);
  }

  uint32BE(value: number): void {
    const at = this.reserve(4);
    this.bytes.writeUInt32BE(value, at);
  }

  uint64BE(value: bigint): void {
    const at = this.reserve(8);
    this.bytes.writeBigUInt64BE(value, at);
  }

  uint64LE(value: bigint): void {
    const at = this.reserve(8);
    this.bytes.writeBigUInt64LE(value, at);
  }

  int8(value: number): void {
    const at = this.reserve(1);
    this.bytes.writeInt8(value, at);
  }

  int16LE(value: number): void {
    const at = this.reserve(2);
    this.bytes.writeInt16LE(value, at);
  }

  int32LE(value: number): void {
    const at = this.reserve(4);
    this.bytes.writeInt32LE(value, at);
  }

  int64LE(value: bigint): void {
    const at = this.reserve(8);
    this.bytes.writeBigInt64LE(value, at);
  }

  doubleLE(value: number): void {
    const at = this.reserve(8);
    this.bytes.writeDoubleLE(value, at);
  }

  /** Writes `text` as UTF-8 (no length prefix). */
  utf8(text: string): void {
    const length = Buffer.byteLength(text, 'utf8');
    const at = this.reserve(length);
    this.bytes.write(text, at, length, 'utf8');
  }

  /** Writes `text`, which must be ASCII/Latin-1, one byte per char. */
  latin1(text: string): void {
    const at = this.reserve(text.length);
    this.bytes.write(text, at, text.length, 'latin1');
  }

  /** What was written, as a right-sized buffer (the internal one when it is exactly full, else a copy). */
  finish(): Buffer {
    if (this.length === this.bytes.length) return this.bytes;
    return Buffer.from(this.bytes.subarray(0, this.length));
  }
}
