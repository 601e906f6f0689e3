// Index keys of text: the collation's sort key in current indexes, the old encoding in indexes written before.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CURRENT_INDEX_KEY_VERSION } from '../../../../src/sql/catalog/index.js';
import type { IndexInfo } from '../../../../src/sql/catalog/index.js';
import { indexDatum, isIndexKeyUsableForText } from '../../../../src/sql/table/row-datums.js';
import { TypeKind, fieldType } from '../../../../src/sql/types/index.js';
import { encodeKeyDatums } from '../../../../src/storage/index.js';

const varchar = (collation: string) => fieldType(TypeKind.VarChar, { length: 20, collation });
const key = (value: string, collation: string, version: number | undefined): string => encodeKeyDatums([indexDatum(value, varchar(collation), version)]).toString('hex');
const index = (keyVersion?: number): IndexInfo => ({ id: 1, name: 'i', columnOffsets: [0], isUnique: true, isPrimary: false, ...(keyVersion === undefined ? {} : { keyVersion }) });

void describe('index key versions', () => {
  void it('current indexes hold the sort key: equal under the collation is one key', () => {
    assert.equal(key('Straße', 'utf8mb4_0900_ai_ci', CURRENT_INDEX_KEY_VERSION), key('STRASSE', 'utf8mb4_0900_ai_ci', CURRENT_INDEX_KEY_VERSION));
    assert.equal(key('Ärger ', 'utf8mb4_general_ci', CURRENT_INDEX_KEY_VERSION), key('arger', 'utf8mb4_general_ci', CURRENT_INDEX_KEY_VERSION));
    assert.notEqual(key('a ', 'utf8mb4_0900_ai_ci', CURRENT_INDEX_KEY_VERSION), key('a', 'utf8mb4_0900_ai_ci', CURRENT_INDEX_KEY_VERSION));
    assert.equal(key('a  ', 'utf8mb4_bin', CURRENT_INDEX_KEY_VERSION), key('a', 'utf8mb4_bin', CURRENT_INDEX_KEY_VERSION));
    assert.notEqual(key('a\t', 'utf8mb4_bin', CURRENT_INDEX_KEY_VERSION), key('a', 'utf8mb4_bin', CURRENT_INDEX_KEY_VERSION));
  });

  void it('indexes written before keep their encoding (trimmed text, upper-cased for general_ci), so their entries stay found', () => {
    assert.equal(key('abc \t', 'utf8mb4_bin', undefined), encodeKeyDatums(['abc']).toString('hex'));
    assert.equal(key('Abc', 'utf8mb4_general_ci', undefined), encodeKeyDatums(['ABC']).toString('hex'));
  });

  void it('use an old index for text lookups only where its keys are no finer than the collation', () => {
    assert.equal(isIndexKeyUsableForText(index(), varchar('utf8mb4_bin')), true);
    assert.equal(isIndexKeyUsableForText(index(), varchar('utf8mb4_general_ci')), false);
    assert.equal(isIndexKeyUsableForText(index(CURRENT_INDEX_KEY_VERSION), varchar('utf8mb4_general_ci')), true);
  });
});
