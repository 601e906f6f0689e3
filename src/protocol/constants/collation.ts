// Collation ids sent as the 1-byte handshake charset and the 2-byte ColumnDefinition41 character set, with names.
// https://dev.mysql.com/doc/refman/8.0/en/information-schema-collations-table.html

/** Common MySQL collation ids by name (MySQL 8 names; utf8mb3_* is what 5.7 called utf8_*). */
export const Collation = {
  big5_chinese_ci: 1,
  latin1_german1_ci: 5,
  latin1_swedish_ci: 8,
  latin2_general_ci: 9,
  ascii_general_ci: 11,
  ujis_japanese_ci: 12,
  sjis_japanese_ci: 13,
  latin1_danish_ci: 15,
  euckr_korean_ci: 19,
  gb2312_chinese_ci: 24,
  gbk_chinese_ci: 28,
  latin1_german2_ci: 31,
  utf8mb3_general_ci: 33,
  utf8mb4_general_ci: 45,
  utf8mb4_bin: 46,
  latin1_bin: 47,
  latin1_general_ci: 48,
  latin1_general_cs: 49,
  binary: 63,
  ascii_bin: 65,
  utf8mb3_tolower_ci: 76,
  utf8mb3_bin: 83,
  gbk_bin: 87,
  latin1_spanish_ci: 94,
  utf8mb3_unicode_ci: 192,
  utf8mb4_unicode_ci: 224,
  utf8mb4_unicode_520_ci: 246,
  gb18030_chinese_ci: 248,
  gb18030_bin: 249,
  utf8mb4_0900_ai_ci: 255,
  utf8mb4_0900_as_cs: 278,
  utf8mb4_0900_as_ci: 305,
  utf8mb4_0900_bin: 309,
} as const;
export type CollationId = (typeof Collation)[keyof typeof Collation];
export type CollationName = keyof typeof Collation;

/** Names older clients and MySQL 5.7 use for collations MySQL 8 renamed. */
const aliases: Readonly<Record<string, CollationName>> = {
  utf8_general_ci: 'utf8mb3_general_ci',
  utf8_bin: 'utf8mb3_bin',
  utf8_unicode_ci: 'utf8mb3_unicode_ci',
  utf8_tolower_ci: 'utf8mb3_tolower_ci',
};

const namesById: ReadonlyMap<number, CollationName> = new Map(
  (Object.entries(Collation) as [CollationName, number][]).map(([name, id]) => [id, name]),
);

/** The collation's name for an id, or undefined when TidalDB does not know the id. */
export function collationName(id: number): CollationName | undefined {
  return namesById.get(id);
}

/** The collation id for a name (case-insensitive; accepts 5.7's utf8_* aliases), or undefined. */
export function collationId(name: string): CollationId | undefined {
  const lower = name.toLowerCase();
  const canonical = aliases[lower] ?? lower;
  return Object.hasOwn(Collation, canonical) ? Collation[canonical as CollationName] : undefined;
}

/** The character set a collation belongs to: the part of its name before the first `_` (`binary` for binary). */
export function collationCharset(id: number): string | undefined {
  const name = namesById.get(id);
  if (name === undefined) return undefined;
  const underscore = name.indexOf('_');
  return underscore < 0 ? name : name.slice(0, underscore);
}

/**
 * The Node Buffer encoding that decodes text sent in this collation's character set. utf8mb3/utf8mb4 and unknown ids
 * map to utf8; latin1 and binary to Node's one-byte `latin1`; ascii to `ascii`.
 */
export function collationEncoding(id: number): BufferEncoding {
  const charset = collationCharset(id);
  if (charset === 'latin1' || charset === 'binary') return 'latin1';
  if (charset === 'ascii') return 'ascii';
  return 'utf8';
}
