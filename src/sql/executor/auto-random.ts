// TiDB's AUTO_RANDOM primary keys: checked at CREATE TABLE, generated at INSERT (random shard bits above an
// increasing part, so that writes spread), and printed as TiDB prints them. https://docs.pingcap.com/tidb/stable/auto-random
import { mysqlError, ER_AUTOINC_READ_FAILED, ER_INVALID_AUTO_RANDOM } from '../../errors/index.js';
import type { ColumnDef } from '../ast/index.js';
import type { ColumnInfo } from '../catalog/index.js';
import { TypeKind } from '../types/index.js';

const DEFAULT_SHARD_BITS = 5;
const MAX_SHARD_BITS = 15;
const DEFAULT_RANGE_BITS = 64;
const MIN_RANGE_BITS = 32;

function invalid(reason: string): Error {
  return mysqlError(ER_INVALID_AUTO_RANDOM, reason);
}

/** The AUTO_RANDOM of a column definition, with TiDB's checks of its own (type, bits, AUTO_INCREMENT, DEFAULT). */
export function autoRandomOf(def: ColumnDef, column: ColumnInfo): ColumnInfo['autoRandom'] {
  if (!def.autoRandom) return undefined;
  if (column.type.kind !== TypeKind.BigInt) throw invalid(`auto_random option must be defined on \`bigint\` column, but not on \`${column.type.kind}\` column`);
  if (def.isAutoIncrement === true) throw invalid('auto_random is incompatible with auto_increment');
  if (def.default !== undefined) throw invalid('auto_random is incompatible with default');
  const shardBits = def.autoRandom.shardBits ?? DEFAULT_SHARD_BITS;
  const rangeBits = def.autoRandom.rangeBits ?? DEFAULT_RANGE_BITS;
  if (rangeBits < MIN_RANGE_BITS || rangeBits > DEFAULT_RANGE_BITS) throw invalid(`auto_random range bits must be between ${MIN_RANGE_BITS} and ${DEFAULT_RANGE_BITS}, but got ${rangeBits}`);
  if (shardBits < 1 || shardBits > MAX_SHARD_BITS) throw invalid(`max allowed auto_random shard bits is ${MAX_SHARD_BITS}, but got ${shardBits} on column \`${column.name}\``);
  return { shardBits, rangeBits };
}

/** AUTO_RANDOM needs the column to be the table's integer primary key (its row handle), as in TiDB. */
export function checkAutoRandomKey(columns: readonly ColumnInfo[], handleColumnOffset: number | undefined): void {
  for (const column of columns) {
    if (column.autoRandom && column.offset !== handleColumnOffset) throw invalid(`column ${column.name} is not the integer primary key, or the primary key is nonclustered`);
  }
}

/**
 * The key for increment `increment` in shard `shard`: below the sign bit (none when UNSIGNED) come `shardBits` of
 * shard, then the increment; 1467 when the increment no longer fits.
 */
export function autoRandomValue(column: ColumnInfo, increment: bigint, shard: number): bigint {
  const { shardBits, rangeBits } = column.autoRandom!;
  const signBits = column.type.isUnsigned ? 0 : 1;
  const incrementBits = BigInt(rangeBits - signBits - shardBits);
  if (increment >= 1n << incrementBits) throw mysqlError(ER_AUTOINC_READ_FAILED);
  const shardMask = (1n << BigInt(shardBits)) - 1n;
  return ((BigInt(shard) & shardMask) << incrementBits) | increment;
}

/** A random shard, taken once per statement (TiDB takes it from the transaction's start time). */
export function randomShard(): number {
  return Math.floor(Math.random() * (1 << MAX_SHARD_BITS));
}

/** `/*T![auto_rand] AUTO_RANDOM(5) *\/`, as TiDB's SHOW CREATE TABLE writes it. */
export function autoRandomText(column: ColumnInfo): string | undefined {
  if (!column.autoRandom) return undefined;
  const { shardBits, rangeBits } = column.autoRandom;
  return `/*T![auto_rand] AUTO_RANDOM(${shardBits}${rangeBits === DEFAULT_RANGE_BITS ? '' : `, ${rangeBits}`}) */`;
}

/** 8216 for an explicit value while @@allow_auto_random_explicit_insert is OFF. */
export function explicitAutoRandomError(): Error {
  return invalid('Explicit insertion on auto_random column is disabled. Try to set @@allow_auto_random_explicit_insert = true.');
}
