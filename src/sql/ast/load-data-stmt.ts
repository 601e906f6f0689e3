// The LOAD DATA statement node.
import type { Assignment } from './dml-stmt.js';
import type { StmtBase } from './query.js';
import type { TableName } from './table-ref.js';

/** One entry of LOAD DATA's column list: a column the field fills, or a user variable it is read into. */
export interface LoadDataTarget {
  readonly kind: 'column' | 'variable';
  readonly name: string;
}

/** `FIELDS|COLUMNS …` as written (strings decoded); absent parts take MySQL's defaults. */
export interface LoadDataFields {
  readonly terminatedBy?: string;
  readonly enclosedBy?: string;
  readonly isOptionallyEnclosed?: boolean;
  readonly escapedBy?: string;
}

/** `LINES …` as written. */
export interface LoadDataLines {
  readonly startingBy?: string;
  readonly terminatedBy?: string;
}

/**
 * `LOAD DATA [LOW_PRIORITY|CONCURRENT] [LOCAL] INFILE 'file' [REPLACE|IGNORE] INTO TABLE t [PARTITION (…)]
 * [CHARACTER SET cs] [FIELDS …] [LINES …] [IGNORE n LINES|ROWS] [(col_or_@var, …)] [SET col = expr, …]`.
 * https://dev.mysql.com/doc/refman/8.0/en/load-data.html
 */
export interface LoadDataStmt extends StmtBase {
  readonly kind: 'LoadDataStmt';
  readonly priority?: 'LOW_PRIORITY' | 'CONCURRENT';
  /** LOCAL: the client sends the file (the protocol's LOCAL INFILE request); else the server reads it. */
  readonly isLocal: boolean;
  readonly fileName: string;
  readonly duplicates?: 'REPLACE' | 'IGNORE';
  readonly table: TableName;
  readonly partitions?: readonly string[];
  /** The file's character set (lower-cased); default: character_set_database. */
  readonly charset?: string;
  readonly fields?: LoadDataFields;
  readonly lines?: LoadDataLines;
  /** `IGNORE n LINES|ROWS`: the first n lines are skipped. */
  readonly ignoreLines?: number;
  /** The column list; absent: every column of the table, in order. */
  readonly targets?: readonly LoadDataTarget[];
  readonly assignments?: readonly Assignment[];
}
