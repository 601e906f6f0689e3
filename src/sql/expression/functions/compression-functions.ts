// COMPRESS, UNCOMPRESS, UNCOMPRESSED_LENGTH with MySQL's stored format: the uncompressed length as 4 bytes little
// endian, then a zlib stream (a '.' appended when it would end in a space); the empty string stays empty.
// https://dev.mysql.com/doc/refman/8.0/en/encryption-functions.html#function_compress
import { deflateSync, inflateSync } from 'node:zlib';
import { mysqlError, ER_TOO_BIG_FOR_UNCOMPRESS, ER_ZLIB_Z_DATA_ERROR } from '../../../errors/index.js';
import { TypeKind, fieldType, toInteger, toText } from '../../types/index.js';
import { UNSIGNED_BIGINT_TYPE } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { strictCall } from './fold-call.js';
import type { PresentValue } from './fold-call.js';

const LENGTH_BYTES = 4;
const SPACE = 0x20;
const BLOB_TYPE = fieldType(TypeKind.LongBlob);

const bytesOf = (value: PresentValue): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(toText(value) ?? '', 'utf8'));

function compress(data: Buffer): Buffer {
  if (data.length === 0) return data;
  const header = Buffer.alloc(LENGTH_BYTES);
  header.writeUInt32LE(data.length);
  const packed = Buffer.concat([header, deflateSync(data)]);
  // A trailing space would be lost in a CHAR column; MySQL protects it with a '.' that UNCOMPRESS ignores.
  return packed[packed.length - 1] === SPACE ? Buffer.concat([packed, Buffer.from('.')]) : packed;
}

export const compressionFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['COMPRESS', { minArgs: 1, maxArgs: 1, compile: (args) => strictCall(args, BLOB_TYPE, ([value]) => compress(bytesOf(value!))) }],
  [
    'UNCOMPRESS',
    {
      minArgs: 1,
      maxArgs: 1,
      // Corrupt input is NULL with warning 1259; a length beyond max_allowed_packet NULL with warning 1256.
      compile: (args, { session }) => {
        const limit = Number(toInteger(session.systemVariable('max_allowed_packet', 'default'), session.warnings) ?? 0n);
        return strictCall(args, BLOB_TYPE, ([value]) => {
          const data = bytesOf(value!);
          if (data.length === 0) return data;
          if (data.length <= LENGTH_BYTES) {
            session.warnings.warn(mysqlError(ER_ZLIB_Z_DATA_ERROR));
            return null;
          }
          if (data.readUInt32LE(0) > limit) {
            session.warnings.warn(mysqlError(ER_TOO_BIG_FOR_UNCOMPRESS, limit));
            return null;
          }
          try {
            return inflateSync(data.subarray(LENGTH_BYTES));
          } catch {
            session.warnings.warn(mysqlError(ER_ZLIB_Z_DATA_ERROR));
            return null;
          }
        });
      },
    },
  ],
  [
    'UNCOMPRESSED_LENGTH',
    {
      minArgs: 1,
      maxArgs: 1,
      compile: (args) =>
        strictCall(args, UNSIGNED_BIGINT_TYPE, ([value]) => {
          const data = bytesOf(value!);
          return data.length < LENGTH_BYTES ? 0n : BigInt(data.readUInt32LE(0) & 0x3fffffff);
        }),
    },
  ],
]);
