// Every configuration key in one table: TOML path (TiDB's names), flag, type, default and --help text.
//
// To add a key, add one entry to CONFIG_OPTIONS: the loader, the validator, the --help text and the
// ServerConfig type (see server-config.ts) all derive from it.
// Key names follow TiDB: https://docs.pingcap.com/tidb/stable/tidb-configuration-file/ and
// https://docs.pingcap.com/tidb/stable/command-line-flags-for-tidb-configuration/

/** The type of a configuration value, and how it is checked. */
export type OptionType =
  /** Any string. */
  | { readonly kind: 'string' }
  /** A file or folder: a relative value resolves against the config file's folder (file) or the cwd (flag). */
  | { readonly kind: 'path' }
  /** `path`: a folder (resolved as a 'path') or, kept as written, a list of etcd endpoints `host:port,…`. */
  | { readonly kind: 'store-path' }
  | { readonly kind: 'boolean' }
  /** A whole number in [min, max]. */
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  /** Exactly one of `values`. */
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** A comma-separated list of some of `values` ("" for none); normalised to "a,b" without spaces. */
  | { readonly kind: 'list'; readonly values: readonly string[] };

/** One configuration key. */
export interface OptionSpec {
  /** Dotted TOML path, e.g. `security.ssl-cert` for `[security] ssl-cert`. */
  readonly key: string;
  /** Long command-line flag without dashes, e.g. `ssl-cert` for `--ssl-cert`. */
  readonly flag: string;
  /** Optional one-letter flag, e.g. `P` for `-P` (TiDB's own short flags). */
  readonly short?: string;
  readonly type: OptionType;
  /** Value used when neither the file nor a flag sets the key. Paths are resolved against the cwd. */
  readonly default: string | number | boolean;
  /** One sentence for --help. */
  readonly description: string;
  /** True while the server reads the key but does not act on it yet; --help says so. */
  readonly isNotEnforcedYet?: boolean;
}

/** Limits that the schema's integer ranges refer to. */
export const CONFIG_LIMITS = {
  maxPort: 65535,
  /** TiDB's range for max_connections. */
  maxConnections: 100000,
  /** MySQL's protocol limits for max_allowed_packet: 1 KiB to 1 GiB. */
  minAllowedPacket: 1024,
  maxAllowedPacket: 1073741824,
  /** MySQL 8.0's (and TiDB's) default max_allowed_packet: 64 MiB. */
  defaultAllowedPacket: 67108864,
  minRsaKeySize: 2048,
  maxRsaKeySize: 16384,
  defaultRsaKeySize: 4096,
  /** OpenSSL's own default verify depth. */
  maxVerifyDepth: 100,
  /** Certificate expiry checks: daily by default, at least yearly. */
  defaultExpiryCheckInterval: 86400,
  maxExpiryCheckInterval: 31536000,
} as const;

/** TLS protocol versions tls-version may list; TLSv1 and TLSv1.1 (removed by MySQL 8.0.28) only with a warning. */
export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;

/** Storage engines `store` may name (TiDB's key; TiDB's own are tikv, unistore, mocktikv). */
export const STORES = ['lmdb', 'etcd'] as const;

/** Log levels, least to most severe. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** The configuration schema. Order is the order of --help. */
export const CONFIG_OPTIONS = [
  {
    key: 'host',
    flag: 'host',
    type: { kind: 'string' },
    default: '127.0.0.1',
    description: 'IP address the MySQL protocol listener binds to (TiDB defaults to 0.0.0.0; TidalDB to loopback).',
  },
  {
    key: 'port',
    flag: 'port',
    short: 'P',
    type: { kind: 'integer', min: 0, max: CONFIG_LIMITS.maxPort },
    default: 4000,
    description: 'TCP port for MySQL clients; 0 picks any free port.',
  },
  {
    key: 'store',
    flag: 'store',
    type: { kind: 'enum', values: STORES },
    default: 'lmdb',
    description: 'Storage engine: lmdb (embedded, one node) or etcd (a replicated etcd cluster that several nodes share).',
  },
  {
    key: 'path',
    flag: 'path',
    type: { kind: 'store-path' },
    default: './tidal-data',
    description: 'store = lmdb: the data directory, created if missing; store = etcd: the etcd endpoints, host:port[,host:port…].',
  },
  {
    key: 'keyspace-name',
    flag: 'keyspace-name',
    type: { kind: 'string' },
    default: '',
    description: 'store = etcd: the keyspace in etcd (keys under tidal/<name>/), so several clusters can share one etcd; empty means "default".',
  },
  {
    key: 'temp-dir',
    flag: 'temp-dir',
    type: { kind: 'path' },
    default: '/tmp/tidaldb',
    description: 'Node-local folder; with store = etcd, auto-tls keeps its certificates here (with lmdb, in the data directory).',
  },
  {
    key: 'log.level',
    flag: 'log-level',
    short: 'L',
    type: { kind: 'enum', values: LOG_LEVELS },
    default: 'info',
    description: 'Lowest level of log records written.',
  },
  {
    key: 'log.file.filename',
    flag: 'log-file',
    type: { kind: 'path' },
    default: '',
    description: 'Log file (JSON lines); empty logs to stderr.',
  },
  {
    key: 'security.ssl-ca',
    flag: 'ssl-ca',
    type: { kind: 'path' },
    default: '',
    description: 'PEM file of CA certificates trusted to sign client certificates.',
  },
  {
    key: 'security.ssl-cert',
    flag: 'ssl-cert',
    type: { kind: 'path' },
    default: '',
    description: 'PEM file with the server certificate (and chain) for TLS connections.',
  },
  {
    key: 'security.ssl-key',
    flag: 'ssl-key',
    type: { kind: 'path' },
    default: '',
    description: 'PEM file with the private key of ssl-cert.',
  },
  {
    key: 'security.ssl-alt-cert',
    flag: 'ssl-alt-cert',
    type: { kind: 'path' },
    default: '',
    description: 'A second server certificate of the other key type (ECDSA next to RSA, or RSA next to ECDSA); clients negotiate.',
  },
  {
    key: 'security.ssl-alt-key',
    flag: 'ssl-alt-key',
    type: { kind: 'path' },
    default: '',
    description: 'The private key of ssl-alt-cert (the same passphrase settings apply).',
  },
  {
    key: 'security.ssl-key-password',
    flag: 'ssl-key-password',
    type: { kind: 'string' },
    default: '',
    description: 'Passphrase of an encrypted ssl-key (PKCS#8 or traditional PEM); prefer ssl-key-password-file, flags show up in ps.',
  },
  {
    key: 'security.ssl-key-password-file',
    flag: 'ssl-key-password-file',
    type: { kind: 'path' },
    default: '',
    description: 'File whose first line is the passphrase of an encrypted ssl-key; read again at every TLS reload.',
  },
  {
    key: 'security.ssl-crl',
    flag: 'ssl-crl',
    type: { kind: 'path' },
    default: '',
    description: 'PEM file of certificate revocation lists checked against client certificates.',
  },
  {
    key: 'security.ssl-cipher',
    flag: 'ssl-cipher',
    type: { kind: 'string' },
    default: '',
    description: 'Colon-separated TLSv1.2 ciphers (OpenSSL names), preferred first; empty uses the built-in secure list.',
  },
  {
    key: 'security.tls-ciphersuites',
    flag: 'tls-ciphersuites',
    type: { kind: 'string' },
    default: '',
    description: 'Colon-separated TLSv1.3 ciphersuites, preferred first; empty uses the built-in list.',
  },
  {
    key: 'security.tls-version',
    flag: 'tls-version',
    type: { kind: 'list', values: TLS_VERSIONS },
    default: '',
    description: 'Comma-separated TLS versions clients may use; empty means TLSv1.2,TLSv1.3 (TLSv1, TLSv1.1 only if listed).',
  },
  {
    key: 'security.ssl-verify-depth',
    flag: 'ssl-verify-depth',
    type: { kind: 'integer', min: -1, max: CONFIG_LIMITS.maxVerifyDepth },
    default: -1,
    description: 'Most intermediate CA certificates a client certificate chain may hold; -1 for no limit.',
  },
  {
    key: 'security.cluster-ssl-ca',
    flag: 'cluster-ssl-ca',
    type: { kind: 'path' },
    default: '',
    description: "store = etcd: PEM file of the CA that signed the etcd members' certificates; enables TLS to etcd.",
  },
  {
    key: 'security.cluster-ssl-cert',
    flag: 'cluster-ssl-cert',
    type: { kind: 'path' },
    default: '',
    description: 'store = etcd: PEM client certificate this node presents to etcd (mutual TLS; needs cluster-ssl-ca).',
  },
  {
    key: 'security.cluster-ssl-key',
    flag: 'cluster-ssl-key',
    type: { kind: 'path' },
    default: '',
    description: 'store = etcd: PEM private key of cluster-ssl-cert (unencrypted).',
  },
  {
    key: 'security.require-secure-transport',
    flag: 'require-secure-transport',
    type: { kind: 'boolean' },
    default: false,
    description: 'Refuse clients that do not use TLS (or a Unix socket).',
  },
  {
    key: 'security.rsa-private-key',
    flag: 'rsa-private-key',
    type: { kind: 'path' },
    default: '',
    description: 'PEM RSA private key caching_sha2_password decrypts passwords with on plain connections; empty uses private_key.pem next to ssl-cert.',
  },
  {
    key: 'security.rsa-public-key',
    flag: 'rsa-public-key',
    type: { kind: 'path' },
    default: '',
    description: 'PEM RSA public key sent to clients that ask for it; empty uses public_key.pem next to ssl-cert (or derives it from the private key).',
  },
  {
    key: 'security.initialize-root-password',
    flag: 'initialize-root-password',
    type: { kind: 'string' },
    default: '',
    description: "Password of root@'%' when the data directory is first created; empty leaves root without one (prefer the config file: flags show up in ps).",
  },
  {
    key: 'security.auto-tls',
    flag: 'auto-tls',
    type: { kind: 'boolean' },
    default: true,
    description: 'When ssl-cert and ssl-key are not set, generate a CA, server and client certificates and the RSA key pair in the data directory on first start (reused later); false leaves TLS off.',
  },
  {
    key: 'security.rsa-key-size',
    flag: 'rsa-key-size',
    type: { kind: 'integer', min: CONFIG_LIMITS.minRsaKeySize, max: CONFIG_LIMITS.maxRsaKeySize },
    default: CONFIG_LIMITS.defaultRsaKeySize,
    description: 'Size in bits of RSA keys generated by auto-tls.',
  },
  {
    key: 'security.ssl-expiry-check-interval',
    flag: 'ssl-expiry-check-interval',
    type: { kind: 'integer', min: 1, max: CONFIG_LIMITS.maxExpiryCheckInterval },
    default: CONFIG_LIMITS.defaultExpiryCheckInterval,
    description: 'Advanced: seconds between the checks that log certificates (server, CA) expiring within 30 days; daily by default.',
  },
  {
    // TiDB keeps per-instance system variables in [instance] under their variable names.
    key: 'instance.max_connections',
    flag: 'max-connections',
    type: { kind: 'integer', min: 0, max: CONFIG_LIMITS.maxConnections },
    default: 0,
    description: 'Maximum simultaneous client connections; 0 means unlimited.',
  },
  {
    // TiDB has max_allowed_packet only as a system variable; its initial value lives with the other
    // instance-scoped variables here.
    key: 'instance.max_allowed_packet',
    flag: 'max-allowed-packet',
    type: { kind: 'integer', min: CONFIG_LIMITS.minAllowedPacket, max: CONFIG_LIMITS.maxAllowedPacket },
    default: CONFIG_LIMITS.defaultAllowedPacket,
    description: 'Initial max_allowed_packet: the largest packet, in bytes, client and server exchange.',
  },
] as const satisfies readonly OptionSpec[];

/** One entry of {@link CONFIG_OPTIONS}, with its literal types. */
export type ConfigOption = (typeof CONFIG_OPTIONS)[number];

/** Dotted TOML path of every configuration key, e.g. `'security.ssl-cert'`. */
export type ConfigKey = ConfigOption['key'];

/** Flags that steer the command itself rather than set a configuration key. */
export const COMMAND_FLAGS = [
  { flag: 'config', valueName: 'file', description: 'TOML configuration file (TiDB key names); flags override it.' },
  { flag: 'help', short: 'h', description: 'Print this help and exit.' },
  { flag: 'version', short: 'V', description: 'Print the version and exit.' },
] as const;
