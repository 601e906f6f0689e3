// Tests for the text resultset row encoder.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodePayload } from '../../../../src/protocol/packet-writer.js';
import { decodeTextRow, writeTextRow } from '../../../../src/protocol/packets/text-resultset-row.js';
import type { TextCell } from '../../../../src/protocol/packets/text-resultset-row.js';
import { assertMalformed } from '../assert-malformed.js';

void describe('text resultset row', () => {
  void it('encodes strings as lenenc UTF-8, bytes as is, NULL as 0xFB', () => {
    const payload = encodePayload((w) => writeTextRow(w, ['1', null, 'é', Buffer.from([0xfb]), '']));
    assert.deepEqual([...payload], [1, 0x31, 0xfb, 2, 0xc3, 0xa9, 1, 0xfb, 0]);
  });

  void it('round-trips any row', () => {
    const cell: fc.Arbitrary<TextCell> = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 400 }),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), (row) => {
        const decoded = decodeTextRow(
          encodePayload((w) => writeTextRow(w, row)),
          row.length,
        );
        assert.deepEqual(
          decoded,
          row.map((value) => (value === null ? null : typeof value === 'string' ? Buffer.from(value) : value)),
        );
      }),
    );
  });

  void it('writes long values with multi-byte length prefixes', () => {
    const big = 'x'.repeat(70000);
    const payload = encodePayload((w) => writeTextRow(w, [big]));
    assert.deepEqual([...payload.subarray(0, 4)], [0xfd, 0x70, 0x11, 0x01]);
    assert.equal(decodeTextRow(payload, 1)[0]?.toString(), big);
  });

  void it('throws ER_MALFORMED_PACKET when a row is shorter than its lengths say', () => {
    assertMalformed(() => decodeTextRow(Buffer.from([5, 0x61]), 1));
    assertMalformed(() => decodeTextRow(Buffer.from([1, 0x61]), 2));
  });
});
