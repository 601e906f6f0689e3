// StatementRecord: what one finished statement tells the observers (metrics, statement summary, slow query log).

/** One statement, as the connection saw it run: who, what (normalised), how long, how many rows, how it ended. */
export interface StatementRecord {
  /** TiDB's STMT_TYPE: `Select`, `Insert`, `Begin`, … */
  readonly type: string;
  /** SHA-256 of `digestText`. */
  readonly digest: string;
  /** The normalised text: literals replaced by `?`. */
  readonly digestText: string;
  /** The statement as sent, with the secrets of password statements redacted. */
  readonly sampleText: string;
  /** The current database when the statement ran, or '' for none. */
  readonly schemaName: string;
  readonly user: string;
  readonly host: string;
  readonly connectionId: number;
  /** Epoch milliseconds when the statement began. */
  readonly startedAt: number;
  readonly latencyMs: number;
  /** Rows a query returned (0 for statements without a result set). */
  readonly resultRows: number;
  /** Rows a write changed (0 for queries). */
  readonly affectedRows: number;
  readonly warnings: number;
  /** The MySQL error number when the statement failed, undefined when it succeeded. */
  readonly errorCode: number | undefined;
  /** Run through COM_STMT_EXECUTE or EXECUTE. */
  readonly isPrepared: boolean;
  /** The prepared statement reused a cached plan. */
  readonly isPlanFromCache: boolean;
}
