// The ServerConfig type, derived from the schema, and the camelCase naming that maps TOML keys onto it.
import type { ConfigOption, OptionType } from './config-schema.js';

/** `'ssl-key-password'` → `'sslKeyPassword'`, `'max_connections'` → `'maxConnections'`. */
export type CamelCase<S extends string> = S extends `${infer H}-${infer T}`
  ? `${H}${Capitalize<CamelCase<T>>}`
  : S extends `${infer H}_${infer T}`
    ? `${H}${Capitalize<CamelCase<T>>}`
    : S;

/** The TypeScript type of a value of the given option type. */
export type OptionValue<T extends OptionType> = T extends { kind: 'integer' }
  ? number
  : T extends { kind: 'boolean' }
    ? boolean
    : T extends { kind: 'enum'; values: readonly (infer V)[] }
      ? V
      : string;

interface KeyedOption {
  readonly key: string;
  readonly type: OptionType;
}
type Head<K extends string> = K extends `${infer H}.${string}` ? H : K;
type Below<O extends KeyedOption, H extends string> = O extends { key: `${H}.${infer R}` }
  ? { key: R; type: O['type'] }
  : never;

/** Nested readonly object with one camelCase field per option: `security.ssl-cert` → `security.sslCert`. */
export type ConfigTree<O extends KeyedOption> = {
  readonly [H in Head<O['key']> as CamelCase<H>]: [Extract<O, { key: H }>] extends [never]
    ? ConfigTree<Below<O, H>>
    : OptionValue<Extract<O, { key: H }>['type']>;
};

/**
 * The effective configuration: defaults < config file < flags, validated, deeply frozen. Paths are absolute
 * (or "" when unset). Fields mirror the TOML keys in camelCase, e.g. `port`, `log.file.filename`,
 * `security.sslCert`, `instance.maxAllowedPacket`.
 */
export type ServerConfig = ConfigTree<ConfigOption> & {
  /** Absolute path of the --config file, or "" when none was given. */
  readonly configFile: string;
  /** Folder that relative paths in the config file were resolved against: the file's folder, else the cwd. */
  readonly configFileDirectory: string;
};

/** The log level names accepted by `[log] level`. */
export type ConfigLogLevel = ServerConfig['log']['level'];

/** Runtime twin of {@link CamelCase}. */
export function camelCase(name: string): string {
  return name.replace(/[-_]([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * Builds the nested, deeply frozen object that {@link ServerConfig} describes from dotted keys and their
 * already validated values.
 */
export function buildConfigTree(values: ReadonlyMap<string, unknown>, extra: Record<string, unknown>): ServerConfig {
  const root: Record<string, unknown> = { ...extra };
  for (const [key, value] of values) {
    const segments = key.split('.').map(camelCase);
    const leaf = segments.pop();
    if (leaf === undefined) continue;
    let node = root;
    for (const segment of segments) {
      const next = node[segment];
      if (typeof next === 'object' && next !== null) {
        node = next as Record<string, unknown>;
      } else {
        const created: Record<string, unknown> = {};
        node[segment] = created;
        node = created;
      }
    }
    node[leaf] = value;
  }
  return deepFreeze(root) as ServerConfig;
}

function deepFreeze(node: Record<string, unknown>): Record<string, unknown> {
  for (const value of Object.values(node)) {
    if (typeof value === 'object' && value !== null) deepFreeze(value as Record<string, unknown>);
  }
  return Object.freeze(node);
}
