// TiDB's AUTO_RANDOM as data: generated keys (random shard bits above an increasing part), LAST_INSERT_ID, explicit
// values under @@allow_auto_random_explicit_insert, SHOW CREATE TABLE in TiDB's form, and error 8216.
// https://docs.pingcap.com/tidb/stable/auto-random
import type { SqlCase } from './query-cases.js';

export const AUTO_RANDOM_SETUP = ['CREATE TABLE t (id BIGINT PRIMARY KEY AUTO_RANDOM, v INT)'];

/** Bits below the sign bit and 5 shard bits: what the increasing part of a default AUTO_RANDOM key may use. */
const LOW_58_BITS = '0x3FFFFFFFFFFFFFF';

export const AUTO_RANDOM_CASES: readonly SqlCase[] = [
  {
    sql: 'SHOW CREATE TABLE t',
    rows: [['t', 'CREATE TABLE `t` (\n  `id` bigint NOT NULL /*T![auto_rand] AUTO_RANDOM(5) */,\n  `v` int DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci']],
  },
  { sql: 'INSERT INTO t (v) VALUES (1), (2), (3)', affectedRows: 3 },
  // One statement's rows share a shard; the low bits increase; LAST_INSERT_ID is the first generated key
  {
    sql: `SELECT COUNT(*), MIN(id & ${LOW_58_BITS}), MAX(id & ${LOW_58_BITS}), MIN(id >> 58) = MAX(id >> 58), MAX(id >> 58) < 32, LAST_INSERT_ID() = MIN(id) FROM t`,
    rows: [['3', '1', '3', '1', '1', '1']],
  },
  { sql: 'INSERT INTO t VALUES (NULL, 4)', affectedRows: 1 },
  { sql: `SELECT id & ${LOW_58_BITS}, LAST_INSERT_ID() = id FROM t WHERE v = 4`, rows: [['4', '1']] },
  { sql: 'INSERT INTO t VALUES (100, 5)', error: 8216, message: 'Invalid auto random: Explicit insertion on auto_random column is disabled. Try to set @@allow_auto_random_explicit_insert = true.' },
  { sql: 'SET @@allow_auto_random_explicit_insert = ON', affectedRows: 0 },
  { sql: 'INSERT INTO t VALUES (100, 5)', affectedRows: 1 },
  { sql: 'SELECT id FROM t WHERE v = 5', rows: [['100']] },
  // Shard and range bits; an UNSIGNED key has no sign bit; TiDB's feature comment is parsed (dumps carry it)
  { sql: 'CREATE TABLE u (id BIGINT UNSIGNED PRIMARY KEY /*T![auto_rand] AUTO_RANDOM(3, 32) */, v INT)', affectedRows: 0 },
  {
    sql: 'SHOW CREATE TABLE u',
    rows: [['u', 'CREATE TABLE `u` (\n  `id` bigint unsigned NOT NULL /*T![auto_rand] AUTO_RANDOM(3, 32) */,\n  `v` int DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci']],
  },
  { sql: 'INSERT INTO u (v) VALUES (1)', affectedRows: 1 },
  { sql: 'SELECT id < 4294967296, id >> 29 < 8, id & 0x1FFFFFFF FROM u', rows: [['1', '1', '1']] },
  // TiDB's checks
  { sql: 'CREATE TABLE bad (id INT PRIMARY KEY AUTO_RANDOM)', error: 8216, message: 'Invalid auto random: auto_random option must be defined on `bigint` column, but not on `int` column' },
  { sql: 'CREATE TABLE bad (id BIGINT PRIMARY KEY AUTO_RANDOM(16))', error: 8216, message: 'Invalid auto random: max allowed auto_random shard bits is 15, but got 16 on column `id`' },
  { sql: 'CREATE TABLE bad (id BIGINT PRIMARY KEY AUTO_RANDOM(5, 20))', error: 8216, message: 'Invalid auto random: auto_random range bits must be between 32 and 64, but got 20' },
  { sql: 'CREATE TABLE bad (id BIGINT AUTO_RANDOM, k INT PRIMARY KEY)', error: 8216, message: 'Invalid auto random: column id is not the integer primary key, or the primary key is nonclustered' },
  { sql: 'CREATE TABLE bad (id BIGINT PRIMARY KEY AUTO_RANDOM AUTO_INCREMENT)', error: 8216, message: 'Invalid auto random: auto_random is incompatible with auto_increment' },
  { sql: 'CREATE TABLE bad (id BIGINT PRIMARY KEY AUTO_RANDOM DEFAULT 1)', error: 8216, message: 'Invalid auto random: auto_random is incompatible with default' },
];
