// Tests for PacketWriter: wire types round-trip through PacketReader, and in-place framing of packets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PacketReader } from '../../../src/protocol/packet-reader.js';
import { encodePayload, PacketWriter } from '../../../src/protocol/packet-writer.js';

void describe('PacketWriter', () => {
  void it('writes lenenc integers in the shortest form at each boundary', () => {
    const cases: [number | bigint, number][] = [
      [0, 1],
      [250, 1],
      [251, 3],
      [0xffff, 3],
      [0x10000, 4],
      [0xffffff, 4],
      [0x1000000, 9],
      [Number.MAX_SAFE_INTEGER, 9],
      [0xffffffffffffffffn, 9],
    ];
    for (const [value, length] of cases) {
      const payload = encodePayload((w) => w.writeLenencInt(value));
      assert.equal(payload.length, length, `length of ${value}`);
      assert.equal(new PacketReader(payload).readLenencBigInt(), BigInt(value));
    }
  });

  void it('round-trips any lenenc integer', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }), (value) => {
        const payload = encodePayload((w) => w.writeLenencInt(value));
        assert.equal(new PacketReader(payload).readLenencBigInt(), value);
      }),
    );
  });

  void it('round-trips any lenenc string, including the 250/251-byte prefix boundary and multibyte text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 120 })), (text) => {
        const payload = encodePayload((w) => w.writeLenencString(text));
        const reader = new PacketReader(payload);
        assert.equal(reader.readLenencString(), text);
        assert.equal(reader.remaining, 0);
      }),
    );
    for (const length of [83, 84, 250, 251, 252]) {
      const text = 'é'.repeat(length);
      assert.equal(new PacketReader(encodePayload((w) => w.writeLenencString(text))).readLenencString(), text);
    }
  });

  void it('writes latin1 text one byte per character', () => {
    const payload = encodePayload((w) => w.writeLenencString('café', 'latin1'));
    assert.deepEqual([...payload], [4, 0x63, 0x61, 0x66, 0xe9]);
  });

  void it('writes fixed integers, NUL strings, zeros and NULL markers', () => {
    const payload = encodePayload((w) =>
      w
        .writeInt1(0x1ff)
        .writeInt2(0xbeef)
        .writeInt3(0x123456)
        .writeInt4(0x80000000 | 1)
        .writeInt8(2n)
        .writeNulString('ab')
        .writeZeros(2)
        .writeNull(),
    );
    const reader = new PacketReader(payload);
    assert.equal(reader.readInt1(), 0xff);
    assert.equal(reader.readInt2(), 0xbeef);
    assert.equal(reader.readInt3(), 0x123456);
    assert.equal(reader.readInt4(), 0x80000001);
    assert.equal(reader.readInt8(), 2n);
    assert.equal(reader.readNulString(), 'ab');
    assert.deepEqual([...reader.readFixedBytes(2)], [0, 0]);
    assert.equal(reader.readLenencIntOrNull(), null);
  });

  void it('frames packets in place with consecutive sequence ids, growing past its initial capacity', () => {
    const writer = new PacketWriter(16);
    writer.beginPacket().writeString('hello');
    let next = writer.endPacket(0);
    writer.beginPacket().writeBytes(Buffer.alloc(100, 7));
    next = writer.endPacket(next);
    assert.equal(next, 2);
    const bytes = writer.take();
    assert.deepEqual([...bytes.subarray(0, 9)], [5, 0, 0, 0, ...Buffer.from('hello')]);
    assert.deepEqual([...bytes.subarray(9, 13)], [100, 0, 0, 1]);
    assert.equal(bytes.length, 9 + 104);
    assert.equal(writer.length, 0);
  });

  void it('wraps sequence ids at 256', () => {
    const writer = new PacketWriter();
    assert.equal(writer.appendPacket(Buffer.from('x'), 255), 0);
    assert.equal(writer.take()[3], 255);
  });

  void it('never changes bytes already taken', () => {
    const writer = new PacketWriter(16);
    writer.appendPacket(Buffer.from('first'), 0);
    const first = writer.take();
    const copy = Buffer.from(first);
    for (let i = 0; i < 20; i++) writer.appendPacket(Buffer.alloc(50, i), i);
    assert.deepEqual(first, copy);
    assert.equal(writer.take().length, 20 * 54);
  });

  void it('refuses take() while a packet is open and endPacket() without one', () => {
    const writer = new PacketWriter();
    writer.beginPacket();
    assert.throws(() => writer.take());
    assert.throws(() => writer.beginPacket());
    writer.endPacket(0);
    assert.throws(() => writer.endPacket(0));
  });
});
