// The expression module's public surface.
export type { CompiledExpr } from './compiled-expr.js';
export { constantExpr } from './compiled-expr.js';
export type { AsyncPart, CompileContext, OuterBinding, SubqueryResult, SubqueryRunner } from './compile-context.js';
export { distinctKey, distinctKeyOfRow } from './row-key.js';
export { compileExpr, typeOfValue } from './compile-expr.js';
export { unifyTypes, comparisonCollation } from './type-inference.js';
export { Scope } from './scope.js';
export type { ScopeColumn, ClauseName } from './scope.js';
export { AGGREGATE_FUNCTION_NAMES } from './functions/builtin-functions.js';
export { likePatternToRegExp } from './like-pattern.js';
export * from './literal-types.js';
export { mapExpr, mapWindowSpec, forEachExpr } from './map-expr.js';
export { LateBoundParams, containsParam, withCurrentValues } from './statement-params.js';
export type { StatementParams } from './statement-params.js';
export { aggregateKind } from './functions/aggregate-accumulators.js';
export type { Accumulator, AggregateKind } from './functions/aggregate-accumulators.js';
export { JSON_FUNCTION_NAMES } from './functions/json-functions.js';
