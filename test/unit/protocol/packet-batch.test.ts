// Tests for PacketBatch: many packets into one buffer with running sequence ids across take() calls.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PacketBatch } from '../../../src/protocol/packet-batch.js';
import { PacketDecoder } from '../../../src/protocol/packet-decoder.js';
import type { DecodedPacket } from '../../../src/protocol/packet-decoder.js';
import { decodeTextRow, writeTextRow } from '../../../src/protocol/packets/text-resultset-row.js';

void describe('PacketBatch', () => {
  void it('writes many rows as one buffer that decodes back to the same rows and sequence ids', () => {
    const batch = new PacketBatch(1, 64);
    const rows = Array.from({ length: 1000 }, (_, i) => [
      String(i),
      i % 3 === 0 ? null : `name-${i}`,
      Buffer.of(i & 0xff),
    ]);
    for (const row of rows) {
      writeTextRow(batch.begin(), row);
      batch.end();
    }
    assert.equal(batch.sequenceId, 1001 & 0xff);
    const bytes = batch.take();
    assert.equal(batch.byteLength, 0);
    const decoder = new PacketDecoder();
    decoder.push(bytes);
    rows.forEach((row, i) => {
      const packet = decoder.read() as DecodedPacket;
      assert.equal(packet.sequenceId, (1 + i) & 0xff);
      const values = decodeTextRow(packet.payload, 3);
      assert.deepEqual(
        values.map((v) => v?.toString('latin1') ?? null),
        row.map((v) => (v === null ? null : Buffer.isBuffer(v) ? v.toString('latin1') : v)),
      );
    });
    assert.equal(decoder.read(), undefined);
  });

  void it('keeps numbering across take() calls and accepts encoded payloads', () => {
    const batch = new PacketBatch(254);
    batch.add(Buffer.from('a'));
    const first = batch.take();
    batch.add(Buffer.from('b'));
    const second = batch.take();
    assert.equal(first[3], 254);
    assert.equal(second[3], 255);
    assert.equal(batch.sequenceId, 0);
    batch.sequenceId = 300;
    assert.equal(batch.sequenceId, 44);
  });
});
