// loadDataDecoder: turns a LOAD DATA file's bytes into text by the statement's CHARACTER SET (else the database's),
// as MySQL reads the file in that character set whatever the client's is.
import { mysqlError, ER_UNKNOWN_CHARACTER_SET } from '../../errors/index.js';
import { findCharset } from '../collation/index.js';

/** Decodes a file arriving in chunks: a character split across two chunks comes out whole. */
export interface LoadDataDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

/**
 * The WHATWG encoding of each character set TidalDB implements. MySQL's latin1 is cp1252 (and ascii a subset of it);
 * `binary` means no conversion, so the bytes reach the (UTF-8) columns as they are.
 */
const ENCODINGS: ReadonlyMap<string, string> = new Map([
  ['ascii', 'windows-1252'],
  ['latin1', 'windows-1252'],
  ['utf8', 'utf-8'],
  ['utf8mb4', 'utf-8'],
  ['binary', 'utf-8'],
]);

/** A decoder for `charset` (a name as written; 1115 when TidalDB has no such character set). */
export function loadDataDecoder(charset: string): LoadDataDecoder {
  const encoding = ENCODINGS.get(findCharset(charset)?.name ?? '');
  if (encoding === undefined) throw mysqlError(ER_UNKNOWN_CHARACTER_SET, charset);
  const decoder = new TextDecoder(encoding);
  return {
    write: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  };
}
