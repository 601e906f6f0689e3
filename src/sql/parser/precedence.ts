// MySQL's operator precedence as binding powers shared by the expression parser and the printer.
// https://dev.mysql.com/doc/refman/8.0/en/operator-precedence.html (and sql_yacc.yy's expr/bool_pri/predicate/bit_expr)
import type { BinaryOp, Expr } from '../ast/index.js';

/** Higher binds tighter. */
export const Prec = {
  LOWEST: 0,
  ASSIGN: 1,
  OR: 2,
  XOR: 3,
  AND: 4,
  NOT: 5,
  /** `x IS [NOT] TRUE|FALSE|UNKNOWN` (an `expr`-level test in MySQL's grammar). */
  IS_BOOL: 6,
  /** Comparisons and `IS [NOT] NULL` (MySQL's bool_pri). */
  COMPARE: 7,
  /** IN, BETWEEN, LIKE, REGEXP, MEMBER OF, SOUNDS LIKE (MySQL's predicate). */
  PREDICATE: 8,
  BIT_OR: 9,
  BIT_AND: 10,
  SHIFT: 11,
  ADD: 12,
  MUL: 13,
  BIT_XOR: 14,
  /** Unary -, +, ~, !, BINARY (MySQL's simple_expr prefixes). */
  UNARY: 15,
  COLLATE: 16,
  PRIMARY: 17,
} as const;

export type Prec = (typeof Prec)[keyof typeof Prec];

/** Binding power of each binary operator. */
export const BINARY_PREC: Readonly<Record<BinaryOp, Prec>> = {
  OR: Prec.OR,
  XOR: Prec.XOR,
  AND: Prec.AND,
  '=': Prec.COMPARE,
  '<=>': Prec.COMPARE,
  '<>': Prec.COMPARE,
  '<': Prec.COMPARE,
  '<=': Prec.COMPARE,
  '>': Prec.COMPARE,
  '>=': Prec.COMPARE,
  '|': Prec.BIT_OR,
  '&': Prec.BIT_AND,
  '<<': Prec.SHIFT,
  '>>': Prec.SHIFT,
  '+': Prec.ADD,
  '-': Prec.ADD,
  '*': Prec.MUL,
  '/': Prec.MUL,
  DIV: Prec.MUL,
  '%': Prec.MUL,
  '^': Prec.BIT_XOR,
};

/** The binding power an expression node has when printed (atoms are PRIMARY). */
export function precedenceOf(e: Expr, highNotPrecedence = false): Prec {
  switch (e.kind) {
    case 'BinaryExpr':
      return BINARY_PREC[e.op];
    case 'UnaryExpr':
      return e.op === 'NOT' && !highNotPrecedence ? Prec.NOT : Prec.UNARY;
    case 'IsExpr':
      return e.test === 'NULL' ? Prec.COMPARE : Prec.IS_BOOL;
    case 'QuantifiedCompareExpr':
      return Prec.COMPARE;
    case 'LikeExpr':
    case 'RegexpExpr':
    case 'InListExpr':
    case 'InSubqueryExpr':
    case 'BetweenExpr':
      return Prec.PREDICATE;
    case 'CollateExpr':
      return Prec.COLLATE;
    case 'AssignExpr':
      return Prec.ASSIGN;
    case 'IntervalExpr':
      return Prec.UNARY;
    case 'FuncCallExpr':
      return e.name === 'MEMBER OF' ? Prec.PREDICATE : Prec.PRIMARY;
    default:
      return Prec.PRIMARY;
  }
}
