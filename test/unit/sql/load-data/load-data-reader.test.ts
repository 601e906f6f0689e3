// LoadDataReader: rows from FIELDS/LINES options, the same however the text is split into chunks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoadDataReader } from '../../../../src/sql/load-data/load-data-reader.js';
import type { LoadDataField, LoadDataFormat } from '../../../../src/sql/load-data/load-data-reader.js';

const TSV: LoadDataFormat = { fieldTerminator: '\t', enclosure: '', escape: '\\', lineStart: '', lineTerminator: '\n' };
const CSV: LoadDataFormat = { fieldTerminator: ',', enclosure: '"', escape: '\\', lineStart: '', lineTerminator: '\r\n' };

function read(format: LoadDataFormat, chunks: readonly string[]): LoadDataField[][] {
  const reader = new LoadDataReader(format);
  const rows = chunks.flatMap((chunk) => reader.push(chunk, false));
  return [...rows, ...reader.push('', true)];
}

const cases: [string, LoadDataFormat, string, LoadDataField[][]][] = [
  ['tab-separated with escapes and \\N', TSV, 'a\\tb\tc\\\\\t\\N\n\tx\n', [['a\tb', 'c\\', null], ['', 'x']]],
  ['a last line without terminator', TSV, '1\t2\n3\t4', [['1', '2'], ['3', '4']]],
  ['quoted CSV with doubled and escaped quotes, CRLF', CSV, '"a,b","say ""hi""",\\"x\r\n"",NULL,"q"uote"\r\n', [['a,b', 'say "hi"', '"x'], ['', null, 'q"uote']]],
  ['a quoted field spanning a line terminator', CSV, '"line\r\nbreak",2\r\n', [['line\r\nbreak', '2']]],
  ['LINES STARTING BY', { ...TSV, fieldTerminator: ',', lineStart: '>>' }, 'junk>>1,a\nskipped\n>>2,b\n', [['1', 'a'], ['2', 'b']]],
  ['no escape character: \\ is plain, NULL is NULL', { ...TSV, escape: '' }, 'a\\n\tNULL\n', [['a\\n', null]]],
];

for (const [name, format, text, expected] of cases) {
  test(`load data reader: ${name}, in one chunk and split at every position`, () => {
    assert.deepEqual(read(format, [text]), expected);
    for (let at = 1; at < text.length; at++) assert.deepEqual(read(format, [text.slice(0, at), text.slice(at)]), expected, `split at ${at}`);
    assert.deepEqual(read(format, [...text]), expected, 'one character per chunk');
  });
}
