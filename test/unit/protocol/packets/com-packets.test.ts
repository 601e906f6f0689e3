// Tests for the command packets the server decodes: COM_QUERY, COM_INIT_DB, COM_FIELD_LIST.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CapabilityFlags } from '../../../../src/protocol/constants/capability-flags.js';
import { ColumnType } from '../../../../src/protocol/constants/column-type.js';
import { encodePayload } from '../../../../src/protocol/packet-writer.js';
import { decodeComFieldList, writeComFieldList } from '../../../../src/protocol/packets/com-field-list.js';
import { decodeComInitDb, writeComInitDb } from '../../../../src/protocol/packets/com-init-db.js';
import { decodeComQuery, writeComQuery } from '../../../../src/protocol/packets/com-query.js';
import type { ComQuery } from '../../../../src/protocol/packets/com-query.js';
import { assertMalformed } from '../assert-malformed.js';

const attributes = CapabilityFlags.CLIENT_QUERY_ATTRIBUTES;

void describe('COM_QUERY', () => {
  void it('decodes a plain query', () => {
    const payload = Buffer.concat([Buffer.of(0x03), Buffer.from('SELECT "ü"')]);
    assert.deepEqual(decodeComQuery(payload, 0), { query: 'SELECT "ü"', attributes: [] });
  });

  void it('skips the empty attribute prefix with CLIENT_QUERY_ATTRIBUTES', () => {
    const payload = Buffer.concat([Buffer.of(0x03, 0, 1), Buffer.from('SELECT 1')]);
    assert.deepEqual(decodeComQuery(payload, attributes), { query: 'SELECT 1', attributes: [] });
  });

  void it('round-trips query attributes of fixed, string and NULL types', () => {
    const command: ComQuery = {
      query: 'SELECT mysql_query_attribute_string("trace")',
      attributes: [
        { name: 'trace', type: ColumnType.MYSQL_TYPE_VAR_STRING, isUnsigned: false, value: Buffer.from('abc-123') },
        {
          name: 'n',
          type: ColumnType.MYSQL_TYPE_LONGLONG,
          isUnsigned: true,
          value: Buffer.from([1, 0, 0, 0, 0, 0, 0, 0]),
        },
        { name: 'gone', type: ColumnType.MYSQL_TYPE_NULL, isUnsigned: false, value: null },
      ],
    };
    const payload = encodePayload((w) => writeComQuery(w, command, attributes));
    assert.deepEqual(decodeComQuery(payload, attributes), command);
  });

  void it('throws ER_MALFORMED_PACKET for a wrong command byte or truncated attributes', () => {
    assertMalformed(() => decodeComQuery(Buffer.from('\x02x'), 0));
    assertMalformed(() => decodeComQuery(Buffer.of(0x03, 2, 1, 0), attributes));
    assertMalformed(() => decodeComQuery(Buffer.of(0x03), attributes));
  });
});

void describe('COM_INIT_DB', () => {
  void it('round-trips the schema name', () => {
    const payload = encodePayload((w) => writeComInitDb(w, { schema: 'shop' }));
    assert.deepEqual([...payload], [0x02, ...Buffer.from('shop')]);
    assert.deepEqual(decodeComInitDb(payload), { schema: 'shop' });
    assertMalformed(() => decodeComInitDb(Buffer.of(0x03)));
  });
});

void describe('COM_FIELD_LIST', () => {
  void it('round-trips table and wildcard', () => {
    const payload = encodePayload((w) => writeComFieldList(w, { table: 'orders', wildcard: 'id%' }));
    assert.deepEqual(decodeComFieldList(payload), { table: 'orders', wildcard: 'id%' });
    assertMalformed(() => decodeComFieldList(Buffer.from('\x04orders')));
  });
});
