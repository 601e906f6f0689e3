// The runtime representation of one SQL value, chosen so that the JS type alone tells the SQL kind.
import type { Decimal } from 'decimal.js';
import type { MysqlDateTime } from './mysql-datetime.js';
import type { MysqlTime } from './mysql-time.js';
import type { JsonValue } from './json/json-value.js';

/**
 * A SQL value. The JS type is the value's kind: `bigint` is an integer (signed or unsigned by the expression's field
 * type), `number` a DOUBLE/FLOAT, `Decimal` an exact DECIMAL, `string` text in utf8mb4, `Buffer` binary bytes,
 * `MysqlDateTime` a DATE/DATETIME/TIMESTAMP, `MysqlTime` a TIME, `JsonValue` a JSON document, `null` SQL NULL.
 */
export type SqlValue = null | bigint | number | string | Buffer | Decimal | MysqlDateTime | MysqlTime | JsonValue;

/** A row flowing through the executor: values by column position. */
export type Row = SqlValue[];
