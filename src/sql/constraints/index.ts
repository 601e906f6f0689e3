// The constraints module's public surface: writing rows with generated columns, CHECK and FOREIGN KEY constraints.
export { RowWriter, TableWriters } from './row-writer.js';
export type { CascadeFrame, WriteContext } from './row-writer.js';
export { parseStoredExpr, storedExpressionSession } from './stored-expression.js';
export { findValueGeneratorProblem, valueGeneratorError } from './value-generator-rules.js';
export type { ValueGeneratorErrors, ValueGeneratorProblem } from './value-generator-rules.js';
export { foreignKeyClause, foreignKeyErrorDetail } from './foreign-key-text.js';
export { columnOffsetsOf, keyAccess } from './key-columns.js';
export { referencingKeys } from './referencing-keys.js';
export type { ReferencingKey } from './referencing-keys.js';
export { CheckConstraints } from './check-constraints.js';
export { GeneratedColumns } from './generated-columns.js';
export { ExpressionDefaults } from './expression-defaults.js';
export { ParentCheck } from './parent-check.js';
export { assignedValue } from './assigned-default.js';
