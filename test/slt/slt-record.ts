// The records of a sqllogictest script: the data model shared by the parser, the runner and the report.

/** How a query's result is ordered before it is compared (sqllogictest's `nosort`, `rowsort`, `valuesort`). */
export const SortMode = { NOSORT: 'nosort', ROWSORT: 'rowsort', VALUESORT: 'valuesort' } as const;
export type SortMode = (typeof SortMode)[keyof typeof SortMode];

/** A `skipif <engine>` / `onlyif <engine>` line that guards the record after it. */
export interface SltCondition {
  readonly kind: 'skipif' | 'onlyif';
  readonly engine: string;
}

/** What a query must return: its values one per line, or `N values hashing to <md5>`. */
export type ExpectedResult =
  | { readonly kind: 'values'; readonly values: readonly string[] }
  | { readonly kind: 'hash'; readonly count: number; readonly md5: string };

interface RecordBase {
  /** 1-based line of the record's first line (its directive, after any conditions). */
  readonly line: number;
  readonly conditions: readonly SltCondition[];
}

/** `statement ok` / `statement error`: the SQL must succeed / fail. */
export interface StatementRecord extends RecordBase {
  readonly kind: 'statement';
  readonly expectError: boolean;
  readonly sql: string;
}

/** `query <types> <sort> [label]`: the SQL must return the expected values. */
export interface QueryRecord extends RecordBase {
  readonly kind: 'query';
  /** One letter per column: `I` integer, `R` real, `T` text. */
  readonly types: string;
  readonly sortMode: SortMode;
  /** A later query with the same label must produce the same result hash. */
  readonly label: string | undefined;
  readonly sql: string;
  readonly expected: ExpectedResult;
}

/** `hash-threshold N`: results with more than N values are written as hashes from here on. */
export interface HashThresholdRecord extends RecordBase {
  readonly kind: 'hash-threshold';
  readonly threshold: number;
}

/** `halt`: stop running the file here. */
export interface HaltRecord extends RecordBase {
  readonly kind: 'halt';
}

export type SltRecord = StatementRecord | QueryRecord | HashThresholdRecord | HaltRecord;

/** Whether `record` applies to `engine` given its `skipif`/`onlyif` conditions (all must agree). */
export function appliesTo(record: SltRecord, engine: string): boolean {
  return record.conditions.every((c) => (c.kind === 'onlyif' ? c.engine === engine : c.engine !== engine));
}
