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
  | { readonly kind: 'list'; readonly values: readonly string[] }
  /** Free-form names: a TOML array of strings, or comma-separated text; normalised to "a,b" ("" for none). */
  | { readonly kind: 'names' };

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
  defaultRsaKeySize: 2048,
  /** The most worker processes `max-procs` may ask for. */
  maxProcs: 256,
  /** OpenSSL's own default verify depth. */
  maxVerifyDepth: 100,
  /** Certificate expiry checks: daily by default, at least yearly. */
  defaultExpiryCheckInterval: 86400,
  maxExpiryCheckInterval: 31536000,
  /** TiDB's status port. */
  defaultStatusPort: 10080,
  /** TiDB's default slow-log threshold, in milliseconds. */
  defaultSlowThreshold: 300,
  /** TiDB's log file rotation size, in MB. */
  defaultLogMaxSize: 300,
  maxLogMaxSize: 1048576,
  maxLogRetention: 100000,
  /** A day: the longest graceful wait we accept, in seconds. */
  maxGracefulWait: 86400,
  /** TiDB's default txn-total-size-limit (100 MiB) and its maximum (1 TiB). */
  defaultTxnTotalSize: 104857600,
  maxTxnTotalSize: 1099511627776,
} as const;

/** TLS protocol versions tls-version may list; TLSv1 and TLSv1.1 (removed by MySQL 8.0.28) only with a warning. */
export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;

/** Storage engines `store` may name (TiDB's key; TiDB's own are tikv, unistore, mocktikv). */
export const STORES = ['lmdb', 'etcd'] as const;

/** Log levels, least to most severe. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Log formats: TiDB's text layout, JSON lines, or text on a terminal and JSON elsewhere. */
export const LOG_FORMATS = ['auto', 'text', 'json'] as const;

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
    key: 'log.format',
    flag: 'log-format',
    type: { kind: 'enum', values: LOG_FORMATS },
    default: 'auto',
    description: 'Log layout: text ([time] [LEVEL] [file:line] ["message"] [key=value], as TiDB) or json (one object per line); auto: text on a terminal, json otherwise.',
  },
  {
    key: 'log.file.filename',
    flag: 'log-file',
    type: { kind: 'path' },
    default: '',
    description: 'Log file, rotated by max-size, max-days and max-backups; empty logs to stderr. SIGHUP reopens it.',
  },
  {
    key: 'log.file.max-size',
    flag: 'log-file-max-size',
    type: { kind: 'integer', min: 1, max: CONFIG_LIMITS.maxLogMaxSize },
    default: CONFIG_LIMITS.defaultLogMaxSize,
    description: 'Size in MB at which the log file (and the slow query log) is rotated.',
  },
  {
    key: 'log.file.max-days',
    flag: 'log-file-max-days',
    type: { kind: 'integer', min: 0, max: CONFIG_LIMITS.maxLogRetention },
    default: 0,
    description: 'Days a rotated log file is kept; 0 keeps them regardless of age.',
  },
  {
    key: 'log.file.max-backups',
    flag: 'log-file-max-backups',
    type: { kind: 'integer', min: 0, max: CONFIG_LIMITS.maxLogRetention },
    default: 0,
    description: 'Rotated log files kept at most; 0 keeps them all.',
  },
  {
    key: 'log.slow-query-file',
    flag: 'log-slow-query',
    type: { kind: 'path' },
    default: '',
    description: 'Slow query log in TiDB\'s format, read by information_schema.SLOW_QUERY; empty: tidb-slow.log in the data directory.',
  },
  {
    key: 'log.slow-threshold',
    flag: 'slow-threshold',
    type: { kind: 'integer', min: -1, max: Number.MAX_SAFE_INTEGER },
    default: CONFIG_LIMITS.defaultSlowThreshold,
    description: 'Initial tidb_slow_log_threshold: statements running at least this many milliseconds go to the slow query log; -1 logs none.',
  },
  {
    key: 'performance.max-procs',
    flag: 'max-procs',
    type: { kind: 'integer', min: 0, max: CONFIG_LIMITS.maxProcs },
    default: 1,
    description: 'Worker processes serving connections over the same store (TiDB\'s key); 1 keeps a single process, 0 means one per CPU core.',
  },
  {
    key: 'graceful-wait-before-shutdown',
    flag: 'graceful-wait-before-shutdown',
    type: { kind: 'integer', min: 0, max: CONFIG_LIMITS.maxGracefulWait },
    default: 0,
    description: 'On SIGTERM: seconds running statements may take to finish before their connections are closed (open transactions roll back).',
  },
  {
    key: 'status.report-status',
    flag: 'report-status',
    type: { kind: 'boolean' },
    default: true,
    description: 'Serve the status port: /status, /metrics (Prometheus), /health and the /dashboard.',
  },
  {
    key: 'status.status-host',
    flag: 'status-host',
    type: { kind: 'string' },
    default: '127.0.0.1',
    description: 'Address the status port binds to (TiDB defaults to 0.0.0.0; TidalDB to loopback).',
  },
  {
    key: 'status.status-port',
    flag: 'status-port',
    type: { kind: 'integer', min: 0, max: CONFIG_LIMITS.maxPort },
    default: CONFIG_LIMITS.defaultStatusPort,
    description: 'TCP port of the status port; 0 picks any free port.',
  },
  {
    key: 'security.cluster-ssl-ca',
    flag: 'cluster-ssl-ca',
    type: { kind: 'path' },
    default: '',
    description: "PEM CA certificates of the cluster's links, as TiDB's: the status port (with cluster-ssl-cert and cluster-ssl-key it serves HTTPS only and requires client certificates this CA signed) and, with store = etcd, the CA that signed the etcd members' certificates (enables TLS to etcd).",
  },
  {
    key: 'security.cluster-ssl-cert',
    flag: 'cluster-ssl-cert',
    type: { kind: 'path' },
    default: '',
    description: 'PEM certificate the status port presents over HTTPS, and (store = etcd) the client certificate this node presents to etcd (mutual TLS).',
  },
  {
    key: 'security.cluster-ssl-key',
    flag: 'cluster-ssl-key',
    type: { kind: 'path' },
    default: '',
    description: 'PEM private key of cluster-ssl-cert (unencrypted).',
  },
  {
    key: 'security.cluster-verify-cn',
    flag: 'cluster-verify-cn',
    type: { kind: 'names' },
    default: '',
    description: 'Common Names a status-port client certificate must carry (one of them); empty accepts any certificate cluster-ssl-ca signed.',
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
    key: 'security.require-secure-transport',
    flag: 'require-secure-transport',
    type: { kind: 'boolean' },
    default: false,
    description: 'Refuse clients that do not use TLS (or a Unix socket).',
  },
  {
    key: 'security.secure-file-priv',
    flag: 'secure-file-priv',
    type: { kind: 'string' },
    default: 'NULL',
    description: 'The directory server-side LOAD DATA INFILE may read (MySQL\'s secure_file_priv); NULL refuses it, empty allows any.',
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
    description: 'Size in bits of RSA keys generated by auto-tls (an ECDSA P-256 server certificate is generated beside them).',
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
    description: 'Maximum simultaneous client connections (the max_connections variable); 0 keeps its default, 151, as MySQL.',
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
  {
    key: 'instance.local_infile',
    flag: 'local-infile',
    type: { kind: 'boolean' },
    default: false,
    description: 'Initial local_infile: whether clients may send files with LOAD DATA LOCAL INFILE (OFF, as MySQL 8.0).',
  },
  {
    key: 'performance.txn-total-size-limit',
    flag: 'txn-total-size-limit',
    type: { kind: 'integer', min: 1, max: CONFIG_LIMITS.maxTxnTotalSize },
    default: CONFIG_LIMITS.defaultTxnTotalSize,
    description: 'Most bytes of keys and values one transaction may write before it commits; beyond it, error 8004.',
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
