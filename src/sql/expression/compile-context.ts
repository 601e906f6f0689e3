// CompileContext: what compiling an expression needs besides the AST: the row layout and the session.
import type { ExecutionContext } from '../execution-context.js';
import type { SqlValue } from '../types/index.js';
import type { ClauseName, Scope } from './scope.js';

/** Inputs to expression compilation. */
export interface CompileContext {
  readonly scope: Scope;
  readonly clause: ClauseName;
  readonly session: ExecutionContext;
  /** Values bound to `?` placeholders, when executing a prepared statement. */
  readonly params?: readonly SqlValue[];
}
