// readUnicodeDataFile: the text of one of the Unicode data files shipped in data/unicode/ (gzip-compressed).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** data/unicode/ of the package: three levels above dist/src/sql/collation/ (or src/sql/collation/). */
const DATA_DIRECTORY = new URL('../../../../data/unicode/', import.meta.url);
const SOURCE_DATA_DIRECTORY = new URL('../../../data/unicode/', import.meta.url);

/** The text of `data/unicode/<name>.gz`; read synchronously, once per table, the first time a collation needs it. */
export function readUnicodeDataFile(name: string): string {
  const file = `${name}.gz`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(new URL(file, DATA_DIRECTORY));
  } catch {
    bytes = readFileSync(new URL(file, SOURCE_DATA_DIRECTORY));
  }
  return gunzipSync(bytes).toString('utf8');
}
