// COM_STMT_* codecs: execute parameters (NULL bitmap, unsigned flag, types reused, long-data slots), binary row
// header bitmap offset, and the packed DATE/DATETIME/TIME forms.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  PacketWriter} from '../../../../src/protocol/index.js';
import {
  ColumnType,
  CursorType,
  decodeComStmtExecute,
  decodeComStmtFetch,
  decodeComStmtSendLongData,
  decodeStmtPrepareOk,
  encodePayload,
  readBinaryDateTime,
  readBinaryTime,
  writeBinaryDateTime,
  writeBinaryRowHeader,
  writeBinaryTime,
  writeComStmtExecute,
  writeComStmtFetch,
  writeComStmtSendLongData,
  writeStmtPrepareOk,
} from '../../../../src/protocol/index.js';
import { assertMalformed } from '../assert-malformed.js';

const int8 = (value: bigint): Buffer => {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(value);
  return bytes;
};

function payloadOf(write: (writer: PacketWriter) => void): Buffer {
  return encodePayload(write);
}

describe('COM_STMT_EXECUTE', () => {
  const params = [
    { type: ColumnType.MYSQL_TYPE_LONGLONG, isUnsigned: true, value: int8(18446744073709551615n) },
    { type: ColumnType.MYSQL_TYPE_VAR_STRING, isUnsigned: false, value: null },
    { type: ColumnType.MYSQL_TYPE_VAR_STRING, isUnsigned: false, value: Buffer.from('abc') },
    { type: ColumnType.MYSQL_TYPE_DATETIME, isUnsigned: false, value: Buffer.from([0xe8, 0x07, 2, 29, 1, 2, 3]) },
  ];

  it('reads types, the NULL bitmap and each value', () => {
    const payload = payloadOf((w) => writeComStmtExecute(w, 7, CursorType.READ_ONLY, params));
    const decoded = decodeComStmtExecute(payload, 4, undefined, new Set());
    assert.equal(decoded.statementId, 7);
    assert.equal(decoded.flags, CursorType.READ_ONLY);
    assert.deepEqual(decoded.params, params);
  });

  it('reuses the previous types when the client does not resend them, and skips long-data parameters', () => {
    const first = decodeComStmtExecute(payloadOf((w) => writeComStmtExecute(w, 1, 0, params)), 4, undefined, new Set());
    const withoutTypes = params.filter((_, i) => i !== 2);
    const payload = payloadOf((w) => writeComStmtExecute(w, 1, 0, [...withoutTypes.slice(0, 2), { ...params[2]!, value: Buffer.alloc(0) }, withoutTypes[2]!], false));
    // Rebuild the packet without the third value: the long-data parameter has no bytes in COM_STMT_EXECUTE.
    const withoutThird = Buffer.concat([payload.subarray(0, payload.length - 8 - 1), payload.subarray(payload.length - 8)]);
    const decoded = decodeComStmtExecute(withoutThird, 4, first.types, new Set([2]));
    assert.equal(decoded.params[2], undefined);
    assert.deepEqual(decoded.params[3], params[3]);
    assert.deepEqual(decoded.types, first.types);
  });

  it('rejects values without types and truncated packets', () => {
    assertMalformed(() => decodeComStmtExecute(payloadOf((w) => writeComStmtExecute(w, 1, 0, params, false)), 4, undefined, new Set()));
    const payload = payloadOf((w) => writeComStmtExecute(w, 1, 0, params));
    assertMalformed(() => decodeComStmtExecute(payload.subarray(0, payload.length - 3), 4, undefined, new Set()));
  });
});

describe('other COM_STMT packets', () => {
  it('round-trips PREPARE_OK, SEND_LONG_DATA and FETCH', () => {
    const ok = { statementId: 3, columnCount: 2, paramCount: 1, warnings: 0 };
    assert.deepEqual(decodeStmtPrepareOk(payloadOf((w) => writeStmtPrepareOk(w, ok))), ok);
    const longData = { statementId: 3, paramId: 1, data: Buffer.from([1, 2, 3]) };
    assert.deepEqual(decodeComStmtSendLongData(payloadOf((w) => writeComStmtSendLongData(w, longData))), longData);
    assert.deepEqual(decodeComStmtFetch(payloadOf((w) => writeComStmtFetch(w, { statementId: 3, rowCount: 10 }))), { statementId: 3, rowCount: 10 });
  });
});

describe('binary rows', () => {
  it('offsets the NULL bitmap of a row by two bits', () => {
    const payload = payloadOf((w) => writeBinaryRowHeader(w, 7, (i) => i === 0 || i === 6));
    assert.deepEqual([...payload], [0x00, 0b0000_0100, 0b0000_0001]);
  });

  it('packs DATE/DATETIME and TIME in their shortest forms and reads them back', () => {
    const at = { year: 2024, month: 2, day: 29, hour: 0, minute: 0, second: 0, microsecond: 0 };
    assert.equal(payloadOf((w) => writeBinaryDateTime(w, at, true))[0], 4);
    assert.equal(payloadOf((w) => writeBinaryDateTime(w, { ...at, second: 1 }, false))[0], 7);
    const full = payloadOf((w) => writeBinaryDateTime(w, { ...at, microsecond: 5 }, false));
    assert.equal(full[0], 11);
    assert.deepEqual(readBinaryDateTime(full.subarray(1)), { ...at, microsecond: 5 });
    assert.equal(payloadOf((w) => writeBinaryDateTime(w, { ...at, year: 0, month: 0, day: 0 }, false))[0], 0);
    const time = { isNegative: true, days: 34, hour: 22, minute: 59, second: 59, microsecond: 1 };
    const packed = payloadOf((w) => writeBinaryTime(w, time));
    assert.equal(packed[0], 12);
    assert.deepEqual(readBinaryTime(packed.subarray(1)), time);
  });
});
