// The system-variable registry's public surface: definitions, globals, sessions, SHOW STATUS and LIKE matching.
export { DEFAULT_VALUE } from './system-variable.js';
export type {
  AssignedValue,
  DefinitionExtras,
  DynamicContext,
  NormalizeContext,
  ScopeQualifier,
  SessionFacts,
  SetValue,
  SystemVariableDefinition,
  VariableChange,
  VariableChangeListener,
  VariableScope,
  VariableType,
  VariableValue,
  WarningCollector,
} from './system-variable.js';
export { hostPlatform } from './server-facts.js';
export type { HostPlatform, ServerFacts } from './server-facts.js';
export { SystemVariableCatalog, defaultCatalog } from './system-variable-catalog.js';
export type { CatalogEntry } from './system-variable-catalog.js';
export { GlobalVariables } from './global-variables.js';
export type { GlobalSetOptions, GlobalVariablesOptions } from './global-variables.js';
export { SessionVariables } from './session-variables.js';
export { normalizeValue, normalizeByType } from './normalize-value.js';
export { formatForShow } from './variable-access.js';
export type { ShowRow } from './variable-access.js';
export {
  DEFAULT_SQL_MODE_BITS,
  SQL_MODE_NAMES,
  SqlMode,
  expandSqlMode,
  formatSqlMode,
  sqlModeBitsOf,
  sqlModeFlags,
} from './sql-mode.js';
export type { SqlModeFlags, SqlModeName } from './sql-mode.js';
export {
  COLLATIONS,
  DEFAULT_CHARSET,
  DEFAULT_COLLATION,
  charsetOf,
  collationById,
  defaultCollationOf,
  findCharset,
  findCollation,
} from './charsets.js';
export type { CollationInfo } from './charsets.js';
export { ISOLATION_LEVELS, TXN_MODES } from './catalog/transaction-variables.js';
export type { IsolationLevel, TxnMode } from './catalog/transaction-variables.js';
export { SYSTEM_TIME_ZONE } from './time-zone-value.js';
export { STATUS_COUNTERS, SessionStatus, StatusVariables } from './status-variables.js';
export type { StatusCounterName, StatusProvider, StatusScope, StatusValue } from './status-variables.js';
export { compileLikePattern } from './like-pattern.js';
export type { LikeMatcher } from './like-pattern.js';
