// BEGIN / START TRANSACTION / COMMIT / ROLLBACK / SAVEPOINT / RELEASE SAVEPOINT.
import type { BeginStmt, CommitStmt, ReleaseSavepointStmt, RollbackStmt, SavepointStmt } from '../ast/index.js';
import type { Parser } from './parser.js';
import type { Mutable } from './mutable.js';

/** `BEGIN [WORK]` */
export function parseBegin(p: Parser): BeginStmt {
  const start = p.tok.start;
  p.expectWord('BEGIN');
  p.acceptWord('WORK');
  return { kind: 'BeginStmt', text: p.textFrom(start), isStartTransaction: false };
}

/** `START TRANSACTION [READ ONLY | READ WRITE | WITH CONSISTENT SNAPSHOT [, …]]` */
export function parseStartTransaction(p: Parser): BeginStmt {
  const start = p.tok.start;
  p.expectWord('START');
  p.expectWord('TRANSACTION');
  const stmt: Mutable<BeginStmt> = { kind: 'BeginStmt', text: '', isStartTransaction: true };
  if (!p.atStatementEnd()) {
    do {
      if (p.acceptWords('WITH', 'CONSISTENT', 'SNAPSHOT')) stmt.withConsistentSnapshot = true;
      else if (p.acceptWords('READ', 'ONLY')) stmt.accessMode = 'READ ONLY';
      else if (p.acceptWords('READ', 'WRITE')) stmt.accessMode = 'READ WRITE';
      else throw p.error();
    } while (p.acceptOp(','));
  }
  stmt.text = p.textFrom(start);
  return stmt;
}

/** `[AND [NO] CHAIN] [[NO] RELEASE]` */
function parseCompletion(p: Parser, stmt: { chain?: boolean; release?: boolean }): void {
  if (p.acceptWord('AND')) {
    stmt.chain = !p.acceptWord('NO');
    p.expectWord('CHAIN');
  }
  if (p.acceptWords('NO', 'RELEASE')) stmt.release = false;
  else if (p.acceptWord('RELEASE')) stmt.release = true;
}

/** `COMMIT [WORK] [AND [NO] CHAIN] [[NO] RELEASE]` */
export function parseCommit(p: Parser): CommitStmt {
  const start = p.tok.start;
  p.expectWord('COMMIT');
  p.acceptWord('WORK');
  const stmt: Mutable<CommitStmt> = { kind: 'CommitStmt', text: '' };
  parseCompletion(p, stmt);
  stmt.text = p.textFrom(start);
  return stmt;
}

/** `ROLLBACK [WORK] [TO [SAVEPOINT] name | AND … CHAIN / RELEASE]` */
export function parseRollback(p: Parser): RollbackStmt {
  const start = p.tok.start;
  p.expectWord('ROLLBACK');
  p.acceptWord('WORK');
  const stmt: Mutable<RollbackStmt> = { kind: 'RollbackStmt', text: '' };
  if (p.acceptWord('TO')) {
    p.acceptWord('SAVEPOINT');
    stmt.savepoint = p.ident();
  } else {
    parseCompletion(p, stmt);
  }
  stmt.text = p.textFrom(start);
  return stmt;
}

export function parseSavepoint(p: Parser): SavepointStmt {
  const start = p.tok.start;
  p.expectWord('SAVEPOINT');
  const name = p.ident();
  return { kind: 'SavepointStmt', text: p.textFrom(start), name };
}

/** `RELEASE SAVEPOINT name` */
export function parseRelease(p: Parser): ReleaseSavepointStmt {
  const start = p.tok.start;
  p.expectWord('RELEASE');
  p.expectWord('SAVEPOINT');
  const name = p.ident();
  return { kind: 'ReleaseSavepointStmt', text: p.textFrom(start), name };
}
