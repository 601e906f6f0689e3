// AES_ENCRYPT and AES_DECRYPT as MySQL computes them: the key folded by XOR into the mode's key length, PKCS#7 padding
// in ECB and CBC, the mode from block_encryption_mode (aes-128-ecb by default), an IV of 16 bytes for the other modes.
// https://dev.mysql.com/doc/refman/8.0/en/encryption-functions.html#function_aes-encrypt
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { mysqlError, ER_AES_INVALID_IV, ER_WARN_OPTION_IGNORED, ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT } from '../../../errors/index.js';
import { TypeKind, fieldType, toText } from '../../types/index.js';
import type { CompileContext } from '../compile-context.js';
import type { BuiltinFunction } from './builtin-function.js';
import { foldCall } from './fold-call.js';
import type { PresentValue } from './fold-call.js';

const IV_LENGTH = 16;
const BITS_PER_BYTE = 8;
const MODE_PATTERN = /^aes-(128|192|256)-(ecb|cbc|cfb1|cfb8|cfb128|ofb)$/;
/** Node's cipher name for MySQL's mode names (cfb128 is Node's cfb). */
const NODE_MODE: Readonly<Record<string, string>> = { ecb: 'ecb', cbc: 'cbc', cfb1: 'cfb1', cfb8: 'cfb8', cfb128: 'cfb', ofb: 'ofb' };

interface AesMode {
  readonly cipher: string;
  readonly keyLength: number;
  readonly needsIv: boolean;
}

const bytesOf = (value: PresentValue): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(toText(value) ?? '', 'utf8'));

function modeOf(context: CompileContext): AesMode {
  const name = String(context.session.systemVariable('block_encryption_mode', 'default') ?? 'aes-128-ecb').toLowerCase();
  const [, bits = '128', mode = 'ecb'] = MODE_PATTERN.exec(name) ?? [];
  return { cipher: `aes-${bits}-${NODE_MODE[mode]!}`, keyLength: Number(bits) / BITS_PER_BYTE, needsIv: mode !== 'ecb' };
}

/** MySQL's my_aes_create_key: every key byte XORed into a zeroed key of the mode's length, cycling. */
function foldKey(key: Buffer, length: number): Buffer {
  const folded = Buffer.alloc(length);
  key.forEach((byte, i) => (folded[i % length]! ^= byte));
  return folded;
}

function aesFunction(name: 'aes_encrypt' | 'aes_decrypt'): BuiltinFunction {
  return {
    minArgs: 2,
    maxArgs: 3,
    compile: (args, context) => {
      const mode = modeOf(context);
      if (mode.needsIv && args.length < 3) throw mysqlError(ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, name);
      if (!mode.needsIv && args.length === 3) context.session.warnings.warn(mysqlError(ER_WARN_OPTION_IGNORED, 'IV'));
      return foldCall(args, fieldType(TypeKind.VarBinary, { length: Math.max(args[0]!.type.length, 0) + IV_LENGTH }), ([data, key, iv]) => {
        if (data === null || data === undefined || key === null || key === undefined) return null;
        let ivBytes: Buffer | null = null;
        if (mode.needsIv) {
          if (iv === null || iv === undefined) return null;
          ivBytes = bytesOf(iv);
          if (ivBytes.length < IV_LENGTH) throw mysqlError(ER_AES_INVALID_IV, name, IV_LENGTH);
          ivBytes = ivBytes.subarray(0, IV_LENGTH);
        }
        const realKey = foldKey(bytesOf(key), mode.keyLength);
        try {
          const cipher = name === 'aes_encrypt' ? createCipheriv(mode.cipher, realKey, ivBytes) : createDecipheriv(mode.cipher, realKey, ivBytes);
          return Buffer.concat([cipher.update(bytesOf(data)), cipher.final()]);
        } catch {
          // Wrong key or damaged data: the padding does not check out, as MySQL's NULL reports.
          return null;
        }
      });
    },
  };
}

export const aesFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['AES_ENCRYPT', aesFunction('aes_encrypt')],
  ['AES_DECRYPT', aesFunction('aes_decrypt')],
]);
