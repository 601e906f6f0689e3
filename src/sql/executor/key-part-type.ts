// checkKeyPartType: which column types an index may cover, with MySQL's errors for those it may not.
import { mysqlError, ER_BLOB_KEY_WITHOUT_LENGTH, ER_JSON_USED_AS_KEY } from '../../errors/index.js';
import { isBlobType, isJsonType } from '../types/index.js';
import type { FieldType } from '../types/index.js';

/**
 * Throws when a column of `type` cannot be a key part as written: a JSON column never (3152: MySQL indexes JSON only
 * through a generated column on a path), a BLOB/TEXT column not without a prefix length (1170).
 */
export function checkKeyPartType(type: FieldType, columnName: string, prefixLength: number | undefined): void {
  if (isJsonType(type)) throw mysqlError(ER_JSON_USED_AS_KEY, columnName);
  if (isBlobType(type) && prefixLength === undefined) throw mysqlError(ER_BLOB_KEY_WITHOUT_LENGTH, columnName);
}
