// Tests for PacketDecoder: chunk boundaries anywhere, 16 MiB joins, max_allowed_packet and sequence checks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { framePacket } from '../../../src/protocol/frame-packet.js';
import { PacketDecoder } from '../../../src/protocol/packet-decoder.js';
import type { DecodedPacket, PacketDecoderResult } from '../../../src/protocol/packet-decoder.js';
import { PacketWriter } from '../../../src/protocol/packet-writer.js';

const MAX = 0xffffff;

function frameAll(payloads: readonly Buffer[], firstSequenceId = 0): Buffer {
  const writer = new PacketWriter();
  let sequenceId = firstSequenceId;
  for (const payload of payloads) sequenceId = writer.appendPacket(payload, sequenceId);
  return writer.take();
}

function readAll(decoder: PacketDecoder): PacketDecoderResult[] {
  const results: PacketDecoderResult[] = [];
  for (let result = decoder.read(); result !== undefined; result = decoder.read()) results.push(result);
  return results;
}

function packets(results: readonly PacketDecoderResult[]): DecodedPacket[] {
  return results.map((result) => {
    assert.equal(result.kind, 'packet');
    return result;
  });
}

/** A buffer whose bytes depend on position, so a misplaced or dropped chunk shows. */
function patterned(length: number, seed = 0): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) buffer[i] = (i * 7 + seed) % 251;
  return buffer;
}

function decodeChunks(chunks: readonly Buffer[], maxAllowedPacket?: number): PacketDecoderResult[] {
  const decoder = new PacketDecoder(maxAllowedPacket === undefined ? {} : { maxAllowedPacket });
  const results: PacketDecoderResult[] = [];
  for (const chunk of chunks) {
    decoder.push(chunk);
    results.push(...readAll(decoder));
  }
  return results;
}

void describe('PacketDecoder', () => {
  const payloads = [Buffer.from('\x03SELECT 1'), Buffer.alloc(0), Buffer.from([0x0e]), patterned(300)];
  const stream = frameAll(payloads, 0);

  void it('decodes back-to-back packets delivered in one chunk', () => {
    const decoded = packets(decodeChunks([stream]));
    assert.deepEqual(
      decoded.map((p) => p.payload),
      payloads,
    );
    assert.deepEqual(
      decoded.map((p) => p.sequenceId),
      [0, 1, 2, 3],
    );
  });

  void it('decodes the same packets with the stream cut at every byte position', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const decoded = packets(decodeChunks([stream.subarray(0, cut), stream.subarray(cut)]));
      assert.deepEqual(
        decoded.map((p) => p.payload),
        payloads,
        `cut at ${cut}`,
      );
    }
  });

  void it('decodes the same packets when fed one byte at a time', () => {
    const chunks = [...stream].map((byte) => Buffer.of(byte));
    assert.deepEqual(
      packets(decodeChunks(chunks)).map((p) => p.payload),
      payloads,
    );
  });

  void it('decodes any packets under any chunking (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 600 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.nat(255),
        (raw, cuts, firstSequenceId) => {
          const expected = raw.map((bytes) => Buffer.from(bytes));
          const bytes = frameAll(expected, firstSequenceId);
          const positions = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Buffer[] = [];
          let last = 0;
          for (const position of [...positions, bytes.length]) {
            chunks.push(bytes.subarray(last, position));
            last = position;
          }
          const decoded = packets(decodeChunks(chunks));
          assert.deepEqual(
            decoded.map((p) => p.payload),
            expected,
          );
          assert.deepEqual(
            decoded.map((p) => p.sequenceId),
            expected.map((_, i) => (firstSequenceId + i) & 0xff),
          );
        },
      ),
    );
  });

  void it('reports nothing until a packet is complete', () => {
    const decoder = new PacketDecoder();
    decoder.push(stream.subarray(0, 6));
    assert.equal(decoder.read(), undefined);
    assert.equal(decoder.isMidPacket, true);
  });

  void describe('payloads of 16 MiB and more', () => {
    const cases: [string, number, number[]][] = [
      ['exactly 0xFFFFFF', MAX, [MAX, 0]],
      ['0xFFFFFF + 1', MAX + 1, [MAX, 1]],
      ['exactly 2 × 0xFFFFFF', 2 * MAX, [MAX, MAX, 0]],
    ];
    for (const [name, length, partLengths] of cases) {
      void it(`splits and joins a payload of ${name} bytes`, () => {
        const payload = patterned(length, length);
        const { bytes, nextSequenceId } = framePacket(payload, 5);
        assert.equal(nextSequenceId, 5 + partLengths.length);
        assert.equal(bytes.length, length + 4 * partLengths.length);
        let offset = 0;
        partLengths.forEach((partLength, i) => {
          assert.equal(bytes.readUIntLE(offset, 3), partLength, `part ${i} length`);
          assert.equal(bytes[offset + 3], 5 + i, `part ${i} sequence id`);
          offset += 4 + partLength;
        });
        // Cut the stream inside the second header and inside the last part's data.
        const cutA = MAX + 6;
        const cutB = bytes.length - 1;
        const decoded = packets(
          decodeChunks([bytes.subarray(0, cutA), bytes.subarray(cutA, cutB), bytes.subarray(cutB)], 3 * MAX),
        );
        assert.equal(decoded.length, 1);
        const [packet] = decoded as [DecodedPacket];
        assert.equal(packet.firstSequenceId, 5);
        assert.equal(packet.sequenceId, 5 + partLengths.length - 1);
        assert.ok(packet.payload.equals(payload));
      });
    }

    void it('frames a 16 MiB payload written in place by PacketWriter exactly like framePacket', () => {
      const payload = patterned(MAX + 10);
      const writer = new PacketWriter(64);
      writer.appendPacket(Buffer.from('before'), 0);
      writer.beginPacket().writeBytes(payload);
      const next = writer.endPacket(1);
      assert.equal(writer.appendPacket(Buffer.from('after'), next), 4);
      const decoded = packets(decodeChunks([writer.take()], 2 * MAX));
      assert.deepEqual(
        decoded.map((p) => p.sequenceId),
        [0, 2, 3],
      );
      assert.ok((decoded[1] as DecodedPacket).payload.equals(payload));
      assert.equal((decoded[2] as DecodedPacket).payload.toString(), 'after');
    });
  });

  void describe('max_allowed_packet', () => {
    void it('accepts a payload of exactly maxAllowedPacket bytes', () => {
      const decoded = packets(decodeChunks([framePacket(Buffer.alloc(1000), 0).bytes], 1000));
      assert.equal((decoded[0] as DecodedPacket).payload.length, 1000);
    });

    void it('rejects a larger payload with ER_NET_PACKET_TOO_LARGE from its header alone', () => {
      const decoder = new PacketDecoder({ maxAllowedPacket: 1000 });
      decoder.push(framePacket(Buffer.alloc(1001), 0).bytes.subarray(0, 4));
      const result = decoder.read();
      assert.equal(result?.kind, 'error');
      assert.equal(result.kind === 'error' && result.error.code, 1153);
      assert.equal(result.kind === 'error' && result.error.sqlState, '08S01');
      assert.equal(decoder.hasFailed, true);
      assert.equal(decoder.read(), undefined);
      decoder.push(Buffer.alloc(5000));
      assert.equal(decoder.bufferedBytes, 0);
      assert.equal(decoder.read(), undefined);
    });

    void it('rejects a split payload whose joined size exceeds the limit before buffering the next part', () => {
      const decoder = new PacketDecoder({ maxAllowedPacket: MAX + 10 });
      const { bytes } = framePacket(Buffer.alloc(MAX + 11), 0);
      decoder.push(bytes.subarray(0, MAX + 4 + 4));
      const result = decoder.read();
      assert.equal(result?.kind === 'error' && result.error.code, 1153);
    });

    void it('applies a limit changed between packets', () => {
      const decoder = new PacketDecoder({ maxAllowedPacket: 10 });
      decoder.push(frameAll([Buffer.alloc(5), Buffer.alloc(8)]));
      assert.equal(decoder.read()?.kind, 'packet');
      decoder.maxAllowedPacket = 6;
      assert.equal(decoder.read()?.kind, 'error');
    });
  });

  void it('reports ER_NET_PACKETS_OUT_OF_ORDER when a continuation packet has the wrong sequence id', () => {
    const { bytes } = framePacket(Buffer.alloc(MAX + 1), 0);
    bytes[MAX + 4 + 3] = 7;
    const result = decodeChunks([bytes], 2 * MAX)[0];
    assert.equal(result?.kind === 'error' && result.error.code, 1156);
  });

  void it('hands back the undecoded bytes after an SSLRequest for the TLS handshake', () => {
    const decoder = new PacketDecoder();
    const clientHello = Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01]);
    decoder.push(Buffer.concat([framePacket(Buffer.alloc(32), 1).bytes.subarray(0, 20)]));
    decoder.push(Buffer.concat([framePacket(Buffer.alloc(32), 1).bytes.subarray(20), clientHello]));
    assert.equal(decoder.read()?.kind, 'packet');
    assert.deepEqual(decoder.takeRemaining(), clientHello);
    assert.equal(decoder.bufferedBytes, 0);
    assert.equal(decoder.read(), undefined);
  });
});
