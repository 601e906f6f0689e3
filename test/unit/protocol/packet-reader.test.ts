// Tests for PacketReader: every wire type, and that reading past the end is always ER_MALFORMED_PACKET.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PacketReader } from '../../../src/protocol/packet-reader.js';
import { assertMalformed } from './assert-malformed.js';

void describe('PacketReader', () => {
  void it('reads fixed-length little-endian integers', () => {
    const reader = new PacketReader(
      Buffer.from([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0xff, 0xff, 0xff, 0xff, 1, 0, 0, 0, 0, 0, 0, 0x80]),
    );
    assert.equal(reader.readInt1(), 0x01);
    assert.equal(reader.readInt2(), 0x0302);
    assert.equal(reader.readInt3(), 0x060504);
    assert.equal(reader.readInt4(), 0xffffffff);
    assert.equal(reader.readInt8(), 0x8000000000000001n);
    assert.equal(reader.hasMore, false);
  });

  void it('reads length-encoded integers in all four widths', () => {
    const reader = new PacketReader(
      Buffer.from([0xfa, 0xfc, 0xfb, 0x00, 0xfd, 0x00, 0x00, 0x01, 0xfe, 1, 0, 0, 0, 1, 0, 0, 0]),
    );
    assert.equal(reader.readLenencInt(), 250);
    assert.equal(reader.readLenencInt(), 251);
    assert.equal(reader.readLenencInt(), 0x010000);
    assert.equal(reader.readLenencInt(), 0x100000001);
  });

  void it('reads 0xFB as NULL only where NULL is allowed', () => {
    assert.equal(new PacketReader(Buffer.from([0xfb])).readLenencIntOrNull(), null);
    assertMalformed(() => new PacketReader(Buffer.from([0xfb])).readLenencInt());
  });

  void it('rejects the 0xFF prefix and 8-byte values beyond 2^53 as malformed, but reads them as bigint', () => {
    assertMalformed(() => new PacketReader(Buffer.from([0xff])).readLenencInt());
    const huge = Buffer.from([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    assertMalformed(() => new PacketReader(huge).readLenencInt());
    assert.equal(new PacketReader(huge).readLenencBigInt(), 0xffffffffffffffffn);
  });

  void it('reads strings: lenenc, NUL-terminated, fixed, rest', () => {
    const payload = Buffer.concat([
      Buffer.from([3]),
      Buffer.from('abc'),
      Buffer.from('héllo\0', 'utf8'),
      Buffer.from('xy'),
      Buffer.from('tail'),
    ]);
    const reader = new PacketReader(payload);
    assert.equal(reader.readLenencString(), 'abc');
    assert.equal(reader.readNulString(), 'héllo');
    assert.equal(reader.readFixedString(2), 'xy');
    assert.equal(reader.readRestString(), 'tail');
    assert.equal(reader.remaining, 0);
  });

  void it('tolerates a missing final NUL only in readNulOrEofString', () => {
    assert.equal(new PacketReader(Buffer.from('plugin')).readNulOrEofString(), 'plugin');
    assertMalformed(() => new PacketReader(Buffer.from('plugin')).readNulBytes());
  });

  void it('does not find a NUL beyond its end bound', () => {
    const reader = new PacketReader(Buffer.from('ab\0'), 0, 2);
    assertMalformed(() => reader.readNulString());
  });

  void it('throws ER_MALFORMED_PACKET, never RangeError, for every read past the end', () => {
    const reads: ((reader: PacketReader) => unknown)[] = [
      (r) => r.readInt1(),
      (r) => r.readInt2(),
      (r) => r.readInt3(),
      (r) => r.readInt4(),
      (r) => r.readInt6(),
      (r) => r.readInt8(),
      (r) => r.readLenencInt(),
      (r) => r.readLenencBytes(),
      (r) => r.readLenencString(),
      (r) => r.readFixedBytes(5),
      (r) => r.skip(5),
      (r) => r.readNulString(),
    ];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4 }), fc.nat(reads.length - 1), (bytes, which) => {
        const reader = new PacketReader(Buffer.from(bytes));
        reader.skip(reader.remaining);
        assertMalformed(() => (reads[which] as (reader: PacketReader) => unknown)(reader));
      }),
    );
  });

  void it('rejects a lenenc string whose length runs past the end', () => {
    assertMalformed(() => new PacketReader(Buffer.from([0xfc, 0x10, 0x00, 0x61])).readLenencBytes());
    assertMalformed(() => new PacketReader(Buffer.from([0xfd, 0x10])).readLenencBytes());
  });

  void it('rejects negative fixed lengths', () => {
    assertMalformed(() => new PacketReader(Buffer.from('abc')).readFixedBytes(-1));
  });
});
