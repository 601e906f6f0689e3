// Tests for ColumnDefinition41 and the column-count packet.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CapabilityFlags } from '../../../../src/protocol/constants/capability-flags.js';
import { ColumnFlags } from '../../../../src/protocol/constants/column-flags.js';
import { ColumnType } from '../../../../src/protocol/constants/column-type.js';
import { Collation } from '../../../../src/protocol/constants/collation.js';
import { encodePayload } from '../../../../src/protocol/packet-writer.js';
import { decodeColumnCount, writeColumnCount } from '../../../../src/protocol/packets/column-count.js';
import {
  decodeColumnDefinition41,
  writeColumnDefinition41,
} from '../../../../src/protocol/packets/column-definition-41.js';
import type { ColumnDefinition41 } from '../../../../src/protocol/packets/column-definition-41.js';
import { assertMalformed } from '../assert-malformed.js';

const column: ColumnDefinition41 = {
  catalog: 'def',
  schema: 'shop',
  table: 'o',
  orgTable: 'orders',
  name: 'total €',
  orgName: 'total',
  characterSet: Collation.binary,
  columnLength: 12,
  type: ColumnType.MYSQL_TYPE_NEWDECIMAL,
  flags: ColumnFlags.NOT_NULL_FLAG | ColumnFlags.NUM_FLAG,
  decimals: 2,
};

void describe('ColumnDefinition41', () => {
  void it('round-trips', () => {
    assert.deepEqual(decodeColumnDefinition41(encodePayload((w) => writeColumnDefinition41(w, column))), column);
  });

  void it('defaults the catalog to def and ends with the 0x0c block and two filler bytes', () => {
    const { catalog: _catalog, ...withoutCatalog } = column;
    const payload = encodePayload((w) => writeColumnDefinition41(w, withoutCatalog));
    assert.equal(payload.toString('latin1', 0, 4), '\x03def');
    const fixed = payload.subarray(payload.length - 13);
    assert.equal(fixed[0], 0x0c);
    assert.equal(fixed.readUInt16LE(1), 63);
    assert.equal(fixed.readUInt32LE(3), 12);
    assert.equal(fixed[7], ColumnType.MYSQL_TYPE_NEWDECIMAL);
    assert.equal(fixed.readUInt16LE(8), 0x8001);
    assert.equal(fixed[10], 2);
    assert.deepEqual([...fixed.subarray(11)], [0, 0]);
  });

  void it('round-trips a COM_FIELD_LIST default value, including NULL', () => {
    const withDefault = { ...column, defaultValue: Buffer.from('0.00') };
    assert.deepEqual(
      decodeColumnDefinition41(encodePayload((w) => writeColumnDefinition41(w, withDefault))),
      withDefault,
    );
    const withNull = { ...column, defaultValue: null };
    assert.deepEqual(decodeColumnDefinition41(encodePayload((w) => writeColumnDefinition41(w, withNull))), withNull);
  });

  void it('throws ER_MALFORMED_PACKET on every truncation', () => {
    const payload = encodePayload((w) => writeColumnDefinition41(w, column));
    for (let length = 0; length < payload.length; length++) {
      assertMalformed(() => decodeColumnDefinition41(payload.subarray(0, length)));
    }
  });
});

void describe('column count', () => {
  void it('round-trips, adding metadata_follows only with OPTIONAL_RESULTSET_METADATA', () => {
    assert.deepEqual([...encodePayload((w) => writeColumnCount(w, 3, 0))], [3]);
    const optional = encodePayload((w) => writeColumnCount(w, 300, CapabilityFlags.CLIENT_OPTIONAL_RESULTSET_METADATA));
    assert.deepEqual([...optional], [0xfc, 0x2c, 0x01, 1]);
    assert.equal(decodeColumnCount(optional), 300);
    assertMalformed(() => decodeColumnCount(Buffer.from([0xfc, 1])));
  });
});
