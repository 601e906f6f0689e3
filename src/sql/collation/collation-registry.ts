// The character sets and collations TidalDB implements, with MySQL's ids: the one owner of these facts.
// https://dev.mysql.com/doc/refman/8.0/en/charset-unicode-sets.html
import type { UcaTailoring } from './uca-tailoring.js';

/** How a collation compares, which `collatorFor` turns into a Collator. */
export type CollationAlgorithm =
  | { readonly kind: 'binary' }
  /** Code point order; `isPadSpace`: trailing spaces do not count. */
  | { readonly kind: 'codepoint'; readonly isPadSpace: boolean }
  /** MySQL's one-level per-character table (`*_general_ci`). */
  | { readonly kind: 'general' }
  /** MySQL's Latin-1 one-level Swedish table (`latin1_swedish_ci`). */
  | { readonly kind: 'latin1' }
  /** The Unicode Collation Algorithm over a DUCET version, compared to `levels` levels. */
  | { readonly kind: 'uca'; readonly version: UcaVersion; readonly levels: 1 | 2 | 3; readonly tailoring?: UcaTailoring };

/** The DUCET versions MySQL's UCA collations are built on. */
export type UcaVersion = '4.0.0' | '5.2.0' | '9.0.0';

/** One collation, as SHOW COLLATION lists it. */
export interface CollationInfo {
  readonly id: number;
  readonly name: string;
  readonly charset: string;
  readonly isDefault: boolean;
  /** SHOW COLLATION's Sortlen: bytes of weight per character MySQL may need. */
  readonly sortlen: number;
  /** PAD SPACE: trailing spaces do not count (`'a ' = 'a'`); NO PAD: they do. */
  readonly isPadSpace: boolean;
  readonly algorithm: CollationAlgorithm;
}

/** One character set, as SHOW CHARACTER SET lists it. */
export interface CharsetInfo {
  readonly name: string;
  readonly description: string;
  readonly maxLength: number;
  readonly defaultCollation: string;
}

const bin = (isPadSpace: boolean): CollationAlgorithm => ({ kind: 'codepoint', isPadSpace });
const uca = (version: UcaVersion, levels: 1 | 2 | 3 = 1): CollationAlgorithm => ({ kind: 'uca', version, levels });
const general: CollationAlgorithm = { kind: 'general' };
/** A language tailoring of UCA 4.0.0 (MySQL's `*_swedish_ci`, `*_esperanto_ci`). */
const tailored = (tailoring: UcaTailoring): CollationAlgorithm => ({ kind: 'uca', version: '4.0.0', levels: 1, tailoring });

function collation(id: number, name: string, sortlen: number, algorithm: CollationAlgorithm, isDefault = false): CollationInfo {
  const underscore = name.indexOf('_');
  const charset = underscore < 0 ? name : name.slice(0, underscore);
  const isPadSpace = algorithm.kind === 'codepoint' ? algorithm.isPadSpace : algorithm.kind !== 'binary' && !(algorithm.kind === 'uca' && algorithm.version === '9.0.0');
  return { id, name, charset, isDefault, sortlen, isPadSpace, algorithm };
}

/**
 * Every collation TidalDB implements, in SHOW COLLATION's order per character set. `utf8` is MySQL 8.0.11's name of
 * utf8mb3 (the version TidalDB reports); `utf8mb3_*` names are accepted as aliases of the `utf8_*` ones.
 */
export const COLLATIONS: readonly CollationInfo[] = [
  collation(255, 'utf8mb4_0900_ai_ci', 0, uca('9.0.0', 1), true),
  collation(305, 'utf8mb4_0900_as_ci', 0, uca('9.0.0', 2)),
  collation(278, 'utf8mb4_0900_as_cs', 0, uca('9.0.0', 3)),
  collation(309, 'utf8mb4_0900_bin', 1, bin(false)),
  collation(46, 'utf8mb4_bin', 1, bin(true)),
  collation(45, 'utf8mb4_general_ci', 1, general),
  collation(224, 'utf8mb4_unicode_ci', 8, uca('4.0.0')),
  collation(246, 'utf8mb4_unicode_520_ci', 8, uca('5.2.0')),
  collation(232, 'utf8mb4_swedish_ci', 8, tailored('swedish')),
  collation(241, 'utf8mb4_esperanto_ci', 8, tailored('esperanto')),
  collation(33, 'utf8_general_ci', 1, general, true),
  collation(83, 'utf8_bin', 1, bin(true)),
  collation(192, 'utf8_unicode_ci', 8, uca('4.0.0')),
  collation(214, 'utf8_unicode_520_ci', 8, uca('5.2.0')),
  collation(200, 'utf8_swedish_ci', 8, tailored('swedish')),
  collation(209, 'utf8_esperanto_ci', 8, tailored('esperanto')),
  collation(8, 'latin1_swedish_ci', 1, { kind: 'latin1' }, true),
  collation(47, 'latin1_bin', 1, bin(true)),
  collation(11, 'ascii_general_ci', 1, general, true),
  collation(65, 'ascii_bin', 1, bin(true)),
  collation(63, 'binary', 1, { kind: 'binary' }, true),
];

export const CHARSETS: readonly CharsetInfo[] = [
  { name: 'ascii', description: 'US ASCII', maxLength: 1, defaultCollation: 'ascii_general_ci' },
  { name: 'binary', description: 'Binary pseudo charset', maxLength: 1, defaultCollation: 'binary' },
  { name: 'latin1', description: 'cp1252 West European', maxLength: 1, defaultCollation: 'latin1_swedish_ci' },
  { name: 'utf8', description: 'UTF-8 Unicode', maxLength: 3, defaultCollation: 'utf8_general_ci' },
  { name: 'utf8mb4', description: 'UTF-8 Unicode', maxLength: 4, defaultCollation: 'utf8mb4_0900_ai_ci' },
];

/** MySQL 8's server default: utf8mb4 with utf8mb4_0900_ai_ci. */
export const SERVER_DEFAULT_CHARSET = 'utf8mb4';
export const SERVER_DEFAULT_COLLATION = 'utf8mb4_0900_ai_ci';
/** The collation of values that are bytes (BLOB, VARBINARY, `_binary 'x'`). */
export const BINARY_COLLATION = 'binary';
/** What system strings are (USER(), DATABASE(), information_schema names): MySQL 8.0.11's utf8_general_ci. */
export const SYSTEM_COLLATION = 'utf8_general_ci';

const byName = new Map(COLLATIONS.map((info) => [info.name, info]));
const byId = new Map(COLLATIONS.map((info) => [info.id, info]));
const charsetsByName = new Map(CHARSETS.map((info) => [info.name, info]));
const UTF8MB3 = 'utf8mb3';

/** The collation named `name` in any case (`utf8mb3_x` standing for `utf8_x`), if TidalDB implements it. */
export function findCollation(name: string): CollationInfo | undefined {
  const lower = name.toLowerCase();
  return byName.get(lower.startsWith(`${UTF8MB3}_`) ? `utf8_${lower.slice(UTF8MB3.length + 1)}` : lower);
}

/** The collation with MySQL's id `id` (the handshake's collation byte, SET collation_x = id). */
export function collationById(id: number): CollationInfo | undefined {
  return byId.get(id);
}

/** The collation of a name TidalDB produced itself (a stored column's); unknown names read as utf8mb4_bin. */
export function collationInfo(name: string): CollationInfo {
  return byName.get(name) ?? findCollation(name) ?? byName.get('utf8mb4_bin')!;
}

/** The canonical name of character set `name` in any case (utf8mb3 → utf8), if TidalDB implements it. */
export function findCharset(name: string): CharsetInfo | undefined {
  const lower = name.toLowerCase();
  return charsetsByName.get(lower === UTF8MB3 ? 'utf8' : lower);
}

/** The default collation of a character set TidalDB implements. */
export function defaultCollationOf(charset: string): string {
  return findCharset(charset)?.defaultCollation ?? SERVER_DEFAULT_COLLATION;
}

/** The character set of a collation TidalDB implements. */
export function charsetOf(collationName: string): string {
  return findCollation(collationName)?.charset ?? SERVER_DEFAULT_CHARSET;
}
