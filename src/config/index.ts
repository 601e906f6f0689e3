// The config module's public surface: load the server configuration, its schema, and its error type.
export { ConfigError, isConfigError } from './config-error.js';
export { CONFIG_OPTIONS, CONFIG_LIMITS, COMMAND_FLAGS, LOG_FORMATS, LOG_LEVELS, TLS_VERSIONS } from './config-schema.js';
export type { ConfigKey, ConfigOption, OptionSpec, OptionType } from './config-schema.js';
export { loadConfig } from './load-config.js';
export type { LoadConfigOptions, LoadConfigResult } from './load-config.js';
export type { ServerConfig, ConfigLogLevel } from './server-config.js';
export { helpText } from './help-text.js';
export { packageInfo, versionText } from './package-version.js';
export { gitHash } from './git-hash.js';
export type { PackageInfo } from './package-version.js';
export { checkDataDirectoryWritable } from './data-directory.js';
export { KEYSPACE_NAME_PATTERN, isEndpointList, storeLocation } from './store-location.js';
export type { StoreLocation } from './store-location.js';
