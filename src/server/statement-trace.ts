// StatementTrace: times the statements of one COM_QUERY or COM_STMT_EXECUTE and hands each finished one to the
// StatementObserver as a StatementRecord (type, digest, latency, rows, error).
import { ER_UNKNOWN_ERROR, MySqlError } from '../errors/index.js';
import type { StatementObserver } from '../observability/statement-observer.js';
import type { ClientSession } from '../session/client-session.js';
import { digestStatements } from '../sql/index.js';
import type { StatementDigest, StatementKind, StatementResult } from '../sql/index.js';
import { redactSecrets } from './redact-secrets.js';

/**
 * One command's statements, in order. A statement's latency runs from the end of the one before it (or the start
 * of the command) until its last row was written, as TiDB measures a statement until its result is sent.
 */
export class StatementTrace {
  private index = 0;
  private started = performance.now();
  private startedAt = Date.now();

  constructor(
    private readonly observer: StatementObserver,
    private readonly session: ClientSession,
    private readonly text: string,
    private readonly isPrepared: boolean,
    /** The text's digests when the caller already has them (a prepared statement's, kept between executions). */
    private digests?: readonly StatementDigest[],
  ) {}

  /** The next statement succeeded: `rows` were sent (for a result set) or `result.affectedRows` changed. */
  succeeded(kind: StatementKind, result: StatementResult, rows: number): void {
    this.finish(statementType(kind), result.kind === 'rows' ? rows : 0, result.kind === 'ok' ? Number(result.affectedRows) : 0, undefined);
  }

  /** The next statement failed (a multi-statement query stops there); anything but a MySqlError counts as 1105. */
  failed(error: unknown): void {
    const first = this.digest().normalized.split(' ', 1)[0] ?? '';
    const code = error instanceof MySqlError ? error.code : ER_UNKNOWN_ERROR.code;
    this.finish(first === '' ? 'Unknown' : first.charAt(0).toUpperCase() + first.slice(1), 0, 0, code);
  }

  private finish(type: string, resultRows: number, affectedRows: number, errorCode: number | undefined): void {
    const now = performance.now();
    const session = this.session;
    const digest = this.digest();
    const isSlow = this.observer.record({
      type,
      digest: digest.digest,
      digestText: digest.normalized,
      sampleText: redactSecrets(digest.text),
      schemaName: session.currentDatabase ?? '',
      user: session.identity.user,
      host: session.identity.host,
      connectionId: session.identity.connectionId,
      startedAt: this.startedAt,
      latencyMs: now - this.started,
      resultRows,
      affectedRows,
      warnings: session.warningCount,
      errorCode,
      isPrepared: this.isPrepared,
      isPlanFromCache: session.isPlanFromCache,
    });
    if (isSlow) session.status.increment('Slow_queries');
    this.index++;
    this.started = now;
    this.startedAt = Date.now();
  }

  /** The current statement's text and digest; a statement the splitter did not see gets the whole text's. */
  private digest(): StatementDigest {
    this.digests ??= digestStatements(this.text);
    return this.digests[this.index] ?? this.digests[0] ?? { text: this.text, normalized: '', digest: '' };
  }
}

/** TiDB's STMT_TYPE for a statement kind: `SelectStmt` → `Select`; every query form counts as a Select. */
function statementType(kind: StatementKind): string {
  return kind === 'UnionStmt' || kind === 'ValuesStmt' ? 'Select' : kind.endsWith('Stmt') ? kind.slice(0, -4) : kind;
}
